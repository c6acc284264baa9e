/** 待审核稿件: the queue of the unit's leaders. */
import type { ItemStatus } from '@shared/item-fields';
import type { Role } from '@shared/roles';

/** The states a leader's queue holds: the reviewer approves or returns; the principal signs first, or returns. */
export function queueStatuses(role: Role): ItemStatus[] {
  return role === 'principal' ? ['awaiting_signature', 'unit_review'] : ['unit_review'];
}

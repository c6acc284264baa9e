/** 待审核稿件: the queue of the unit's leaders. */
import type { ItemStatus } from '@shared/item-fields';
import type { Role } from '@shared/roles';
import { listItems, type ItemRow } from '../items/service';

/** The states a leader's queue holds: the reviewer approves or returns; the principal signs, or returns. */
export function queueStatuses(role: Role): ItemStatus[] {
  return role === 'principal' ? ['awaiting_signature', 'unit_review'] : ['unit_review'];
}

/** The queue, oldest first within each state; the principal's signatures come first. */
export async function loadQueue(role: Role, signal?: AbortSignal): Promise<ItemRow[]> {
  const pages = await Promise.all(queueStatuses(role).map((status) => listItems({ status, pageSize: 100 }, signal)));
  return pages.flatMap((page) => [...page.items].reverse());
}

import type { Kysely } from 'kysely';
import { canSeeItem } from '../../domain/permissions.js';
import type { Database, Db } from '../../db/database.js';
import { findItem } from '../../db/repositories/item.repository.js';
import type { ItemRow } from '../../db/tables/item.table.js';
import type { UserRow } from '../../db/tables/user.table.js';
import type { Role } from '../../shared/roles.js';
import { appendAudit, type Actor } from '../audit/append-audit.js';
import { ServiceError } from '../service-error.js';

/** The acting account of a use case: who (for the audit log) and with which role and unit (for access). */
export interface ActingUser extends Actor {
  id: number;
  role: Role;
  unitId: number | null;
  displayName: string;
}

export function actingUser(user: Pick<UserRow, 'id' | 'username' | 'role' | 'unit_id' | 'display_name'>, ip: string): ActingUser {
  return { id: user.id, username: user.username, ip, role: user.role as Role, unitId: user.unit_id, displayName: user.display_name };
}

/**
 * The item if the user may see it. Another unit's item, or one the district has not been sent,
 * answers 404 as if it did not exist (no guessing ids), and the attempt is audited.
 */
export async function loadVisibleItem(db: Kysely<Database> | Db, user: ActingUser, id: number, now: Date): Promise<ItemRow> {
  const item = await findItem(db, id);
  if (item && canSeeItem(user, { unitId: item.unit_id, sentAt: item.sent_at })) return item;
  if (item) {
    await appendAudit(db, user, { action: 'access', objectType: 'item', objectId: id, outcome: 'denied', after: { reason: 'not_visible' } }, now);
  }
  throw new ServiceError('not_found', '稿件不存在').audited();
}

/** Refuses a role that may not take an action on what it sees. */
export function requireRole(user: ActingUser, roles: readonly Role[], what: string): void {
  if (!roles.includes(user.role)) throw new ServiceError('forbidden', `当前账号无权${what}`);
}

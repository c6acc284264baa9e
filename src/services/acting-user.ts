import type { UserRow } from '../db/tables/user.table.js';
import type { Role } from '../shared/roles.js';
import type { Actor } from './audit/append-audit.js';
import { ServiceError } from './service-error.js';

/** The acting account of a use case: who (for the audit log) and with which role and unit (for access). */
export interface ActingUser extends Actor {
  id: number;
  role: Role;
  unitId: number | null;
  displayName: string;
}

export function actingUser(
  user: Pick<UserRow, 'id' | 'username' | 'role' | 'unit_id' | 'display_name'>,
  ip: string
): ActingUser {
  return {
    id: user.id,
    username: user.username,
    ip,
    role: user.role as Role,
    unitId: user.unit_id,
    displayName: user.display_name,
  };
}

/** Refuses a role that may not take an action on what it sees. */
export function requireRole(user: ActingUser, roles: readonly Role[], what: string): void {
  if (!roles.includes(user.role)) throw new ServiceError('forbidden', `当前账号无权${what}`);
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { findUnitName } from '../db/repositories/unit.repository.js';
import type { UserRow } from '../db/tables/user.table.js';
import { ROLES, type Role } from '../shared/roles.js';

/** An account as the API shows it: never its password hash or TOTP secret. */
export async function presentUser(
  db: Kysely<Database>,
  user: Pick<UserRow, 'id' | 'username' | 'display_name' | 'role' | 'unit_id' | 'totp_enabled'>
) {
  const unit = user.unit_id === null ? null : ((await findUnitName(db, user.unit_id)) ?? null);
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role as Role,
    roleName: ROLES[user.role as Role] ?? user.role,
    unit,
    totpEnabled: Boolean(user.totp_enabled),
  };
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { UserRow } from '../db/tables/user.table.js';
import { ROLES, type Role } from '../shared/roles.js';

/** An account as the API shows it: never its password hash or TOTP secret. */
export async function presentUser(db: Kysely<Database>, user: Pick<UserRow, 'id' | 'username' | 'display_name' | 'role' | 'unit_id' | 'totp_enabled'>) {
  const unit = user.unit_id === null ? null : await db.selectFrom('units').select(['id', 'name']).where('id', '=', user.unit_id).executeTakeFirst();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    roleName: ROLES[user.role as Role] ?? user.role,
    unit: unit ?? null,
    totpEnabled: Boolean(user.totp_enabled),
  };
}

import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';
import { findUserById, updateUser } from '../../src/db/repositories/user.repository.js';
import { createAccount } from '../../src/services/accounts/manage-accounts.js';
import type { Role } from '../../src/shared/roles.js';

export const TEST_PASSWORD = 'Xin-Xi#2026ok';
const system = { id: null, username: 'test-setup', ip: '127.0.0.1' };
let sequence = 0;

/** An account ready to use: created as the system administrator would, its first password already changed. */
export async function buildUser(
  db: Kysely<Database>,
  role: Role,
  unit: string | null = null,
  now = new Date('2026-03-02T01:00:00Z')
): Promise<{ id: number; username: string; password: string }> {
  sequence++;
  const unitId =
    unit === null
      ? null
      : (await db.selectFrom('units').select('id').where('name', '=', unit).executeTakeFirstOrThrow()).id;
  const username = `${role.replace('_', '-')}-${sequence}`;
  const { id } = await createAccount(
    db,
    system,
    { username, displayName: `测试${sequence}`, role, unitId, password: TEST_PASSWORD },
    now
  );
  const user = (await findUserById(db, id))!;
  await updateUser(db, id, user.version, { must_change_password: 0 });
  return { id, username, password: TEST_PASSWORD };
}

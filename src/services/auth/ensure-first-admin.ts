import type { Kysely } from 'kysely';
import { passwordProblems } from '../../domain/password-policy.js';
import { hashPassword } from '../../security/crypto.js';
import type { Database } from '../../db/database.js';
import { countUsers, insertUser } from '../../db/repositories/user.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import { isCommonPassword } from './common-passwords.js';
import { oneTimePassword } from './one-time-password.js';

export const FIRST_ADMIN_USERNAME = 'admin';

/**
 * On a database without accounts, creates the system administrator with a one-time password
 * (the given one, or a random one) that must be changed at first login. Returns the password
 * to show once, or undefined when accounts exist.
 */
export async function ensureFirstAdmin(
  db: Kysely<Database>,
  given: string | undefined,
  now: Date
): Promise<string | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const password = given ?? oneTimePassword(FIRST_ADMIN_USERNAME, 12);
  const problems = passwordProblems(password, FIRST_ADMIN_USERNAME, isCommonPassword);
  if (problems.length > 0) throw new Error(`GOVINFO_ADMIN_PASSWORD 不符合密码规则：${problems.join('；')}`);
  const at = now.toISOString();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    if ((await countUsers(trx)) > 0) return;
    const id = await insertUser(trx, {
      username: FIRST_ADMIN_USERNAME,
      display_name: '系统管理员',
      role: 'sys_admin',
      unit_id: null,
      password_hash: passwordHash,
      password_changed_at: at,
      must_change_password: 1,
      created_at: at,
      updated_at: at,
    });
    await appendAudit(
      trx,
      { id: null, username: 'system', ip: 'local' },
      {
        action: 'create_first_admin',
        objectType: 'user',
        objectId: id,
        outcome: 'ok',
        after: { username: FIRST_ADMIN_USERNAME, role: 'sys_admin' },
      },
      now
    );
  });
  return password;
}

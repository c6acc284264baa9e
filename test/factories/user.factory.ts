import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';
import { findUserById, updateUser } from '../../src/db/repositories/user.repository.js';
import { isTotpRequired } from '../../src/domain/security-settings.js';
import { hashPassword } from '../../src/security/crypto.js';
import { totpCode } from '../../src/security/totp.js';
import { createAccount } from '../../src/services/accounts/manage-accounts.js';
import { confirmTotpEnrollment, startTotpEnrollment } from '../../src/services/auth/enroll-totp.js';
import { readSecuritySettings } from '../../src/services/read-security-settings.js';
import { ADMIN_ROLES, type Role } from '../../src/shared/roles.js';
import { rememberTotp } from '../helpers/totp-codes.js';

export const TEST_PASSWORD = 'Xin-Xi#2026ok';
const system = { id: null, username: 'test-setup', ip: '127.0.0.1' };
let sequence = 0;

/**
 * An account ready to use: created as the system administrator would, its first password already
 * changed, and, where its role must use a second factor, its TOTP bound through the enrolment
 * service with a code as an authenticator app gives it (the secret goes to test/helpers/totp-codes).
 */
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
  const isAdmin = ADMIN_ROLES.includes(role);
  // An administrator's first password comes from the server, never from the creating administrator:
  // the factory stands in for `govinfo account reset-password` followed by the owner's own change.
  const { id } = await createAccount(
    db,
    system,
    { username, displayName: `测试${sequence}`, role, unitId, ...(isAdmin ? {} : { password: TEST_PASSWORD }) },
    now
  );
  const user = (await findUserById(db, id))!;
  await updateUser(db, id, user.version, {
    must_change_password: 0,
    ...(isAdmin ? { password_hash: await hashPassword(TEST_PASSWORD) } : {}),
  });
  if (isTotpRequired((await readSecuritySettings(db)).settings, role)) await bindTotp(db, id, username, now);
  return { id, username, password: TEST_PASSWORD };
}

/** Binds a second factor as its owner would: a new secret, then a code of the step before `now`. */
export async function bindTotp(db: Kysely<Database>, id: number, username: string, now: Date): Promise<string> {
  const actor = { id, username, ip: '127.0.0.1' };
  const { secret } = await startTotpEnrollment(db, actor, id, now);
  // The step before `now`: the current and next steps stay free for the first logins.
  const enrolledAt = new Date(now.getTime() - 30_000);
  await confirmTotpEnrollment(db, actor, id, 'factory', totpCode(secret, enrolledAt), now);
  rememberTotp(username, secret, Math.floor(enrolledAt.getTime() / 30_000));
  return secret;
}

import type { Kysely } from 'kysely';
import { passwordProblems } from '../../domain/password-policy.js';
import { hashPassword, verifyPassword } from '../../security/crypto.js';
import type { Database } from '../../db/database.js';
import { endUserSessions } from '../../db/repositories/session.repository.js';
import {
  addPasswordHistory,
  findUserById,
  recentPasswordHashes,
  updateUser,
} from '../../db/repositories/user.repository.js';
import { appendAudit, type Actor } from '../audit/append-audit.js';
import { isCommonPassword } from './common-passwords.js';
import { ServiceError } from '../service-error.js';
import { readSecuritySettings } from '../read-security-settings.js';
import { countFailure } from './login-attempts.js';

/** Passwords a new one may not repeat: the current one and the two before it. */
const PASSWORD_HISTORY = 3;

/**
 * Changes an account's own password: the current one must be right, the new one must pass
 * the policy and differ from the last three. Other sessions of the account end.
 */
export async function changePassword(
  db: Kysely<Database>,
  actor: Actor & { id: number },
  input: { current: string; next: string; sessionId: string },
  now: Date
): Promise<void> {
  const user = await findUserById(db, actor.id);
  if (!user) throw new ServiceError('not_found', '账号不存在');
  if (!(await verifyPassword(user.password_hash, input.current))) {
    // Guesses at the current password with a stolen session count toward the lockout, which ends the session.
    const lockedUntil = await countFailure(
      db,
      user.id,
      (await readSecuritySettings(db)).settings,
      now,
      actor,
      'wrong_current_password'
    );
    if (lockedUntil) {
      await endUserSessions(db, user.id, now.toISOString());
      throw new ServiceError('locked', '当前密码连续输入错误次数过多，账号已锁定');
    }
    throw new ServiceError('invalid', '当前密码不正确', { field: 'current' });
  }
  const problems = passwordProblems(input.next, user.username, isCommonPassword);
  if (problems.length > 0) throw new ServiceError('invalid', problems.join('；'), { field: 'next' });
  const previous = [user.password_hash, ...(await recentPasswordHashes(db, user.id, PASSWORD_HISTORY - 1))];
  for (const old of previous) {
    if (await verifyPassword(old, input.next))
      throw new ServiceError('invalid', `新密码不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同`, { field: 'next' });
  }
  const nextHash = await hashPassword(input.next);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const isCurrent = await updateUser(trx, user.id, user.version, {
      password_hash: nextHash,
      password_changed_at: at,
      must_change_password: 0,
      updated_at: at,
    });
    if (!isCurrent) throw new ServiceError('conflict', '账号已被他人修改，请重试');
    await addPasswordHistory(trx, user.id, user.password_hash, at);
    await endUserSessions(trx, user.id, at, input.sessionId);
    await appendAudit(
      trx,
      actor,
      { action: 'change_password', objectType: 'user', objectId: user.id, outcome: 'ok' },
      now
    );
  });
}

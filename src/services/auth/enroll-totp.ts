import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { endUserSessions } from '../../db/repositories/session.repository.js';
import { claimTotpStep, findUserById, updateUser } from '../../db/repositories/user.repository.js';
import { generateTotpSecret, matchTotpStep, totpUri } from '../../security/totp.js';
import { openTotpSecret, sealTotpSecret } from '../../security/totp-secret.js';
import { appendAudit, type Actor } from '../audit/append-audit.js';
import { ServiceError } from '../service-error.js';

/** Starts binding a TOTP second factor: a new secret, stored sealed and kept until confirmed by a code. */
export async function startTotpEnrollment(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  now: Date
): Promise<{ secret: string; uri: string }> {
  const user = await findUserById(db, userId);
  if (!user) throw new ServiceError('not_found', '账号不存在');
  if (user.totp_enabled) throw new ServiceError('conflict', '已绑定双因素认证');
  const secret = generateTotpSecret();
  await db.transaction().execute(async (trx) => {
    const changes = { totp_secret: sealTotpSecret(secret), updated_at: now.toISOString() };
    if (!(await updateUser(trx, user.id, user.version, changes)))
      throw new ServiceError('conflict', '账号已被他人修改，请重试');
    await appendAudit(trx, actor, { action: 'totp_setup', objectType: 'user', objectId: user.id, outcome: 'ok' }, now);
  });
  return { secret, uri: totpUri(secret, user.username) };
}

/**
 * Confirms the binding with a code; the account's other sessions end. The code's time step is
 * claimed like a login's, so the code that confirmed cannot then sign in.
 */
export async function confirmTotpEnrollment(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  sessionId: string,
  code: string,
  now: Date
): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user?.totp_secret) throw new ServiceError('invalid', '请先生成双因素认证密钥');
  if (user.totp_enabled) throw new ServiceError('conflict', '已绑定双因素认证');
  const wrongCode = () =>
    new ServiceError('invalid', '双因素认证码不正确或已使用过', { field: 'code', label: '双因素认证码' });
  const step = matchTotpStep(openTotpSecret(user.totp_secret), code, now);
  if (step === undefined) throw wrongCode();
  await db.transaction().execute(async (trx) => {
    if (!(await claimTotpStep(trx, user.id, step))) throw wrongCode();
    if (!(await updateUser(trx, user.id, user.version, { totp_enabled: 1, updated_at: now.toISOString() })))
      throw new ServiceError('conflict', '账号已被他人修改，请重试');
    await endUserSessions(trx, user.id, now.toISOString(), sessionId);
    await appendAudit(trx, actor, { action: 'totp_enable', objectType: 'user', objectId: user.id, outcome: 'ok' }, now);
  });
}

/**
 * Unbinds an account's second factor (a lost phone), from the server's command line only: the
 * account's sessions end, and where its role requires TOTP it binds a new one at next login.
 */
export async function unbindTotp(db: Kysely<Database>, actor: Actor, userId: number, now: Date): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) throw new ServiceError('not_found', '账号不存在');
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    // totp_last_step stays: a code of the old secret from a step already used can never count again.
    if (!(await updateUser(trx, user.id, user.version, { totp_secret: null, totp_enabled: 0, updated_at: at })))
      throw new ServiceError('conflict', '账号已被他人修改，请重试');
    await endUserSessions(trx, user.id, at);
    await appendAudit(
      trx,
      actor,
      { action: 'totp_reset', objectType: 'user', objectId: user.id, outcome: 'ok', after: { channel: 'cli' } },
      now
    );
  });
}

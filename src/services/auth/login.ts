import type { Kysely } from 'kysely';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../../security/crypto.js';
import { matchTotpStep } from '../../security/totp.js';
import { openTotpSecret } from '../../security/totp-secret.js';
import type { Database } from '../../db/database.js';
import { endSessionsBeyond, insertSession } from '../../db/repositories/session.repository.js';
import {
  claimTotpStep,
  clearLoginAttempts,
  findUserById,
  findUserByUsername,
} from '../../db/repositories/user.repository.js';
import { isTotpRequired } from '../../domain/security-settings.js';
import type { UserRow } from '../../db/tables/user.table.js';
import { appendAudit, type Actor } from '../audit/append-audit.js';
import { readSecuritySettings } from '../read-security-settings.js';
import { accountAttempts, admitAttempt, failAttempt, unknownNameAttempts } from './login-attempts.js';

export interface LoginInput {
  username: string;
  password: string;
  /** The 6-digit code, for accounts with a second factor. */
  totp?: string;
  ip: string;
  userAgent?: string;
}

export type LoginResult =
  | { ok: true; token: string; csrfToken: string; user: UserRow; mustChangePassword: boolean; mustEnrollTotp: boolean }
  | { ok: false; reason: 'invalid' | 'locked' | 'totp_required' | 'totp_invalid'; lockedUntil?: string };

// Verified against when the username is unknown, so a wrong name takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a username and password (and the TOTP code where the account has one), locks the
 * account after repeated failures, and opens a session with a fresh id, ending the oldest beyond
 * the limit per account. An unknown username goes the same way (counted, locked, a password
 * verified), so its answers and timing match a known one's. Every attempt is audited.
 */
export async function login(db: Kysely<Database>, input: LoginInput, now: Date): Promise<LoginResult> {
  const { settings } = await readSecuritySettings(db);
  const actor = { id: null as number | null, username: input.username.slice(0, 100), ip: input.ip };
  const user = await findUserByUsername(db, input.username);
  if (user) actor.id = user.id;
  const ledger = user ? accountAttempts(user.id) : unknownNameAttempts(input.username);

  // The attempt is counted, and a lock checked, before the password is: parallel guesses beyond
  // the threshold never reach the check, and none of them can outrun a lock.
  const admitted = await admitAttempt(db, ledger, settings, now);
  if ('lockedUntil' in admitted) return refuseLocked(db, actor, user?.id, admitted.lockedUntil, now);

  const hash = user?.password_hash ?? (await (dummyHash ??= hashPassword(randomToken())));
  const isPasswordRight = (await verifyPassword(hash, input.password)) && user !== undefined;
  if (!user || !isPasswordRight || user.is_disabled) {
    const reason = !user ? 'unknown_user' : isPasswordRight ? 'disabled' : 'wrong_password';
    const lockedUntil = await failAttempt(db, ledger, admitted.attempts, settings, now, actor, reason);
    return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'invalid' };
  }

  if (user.totp_enabled && user.totp_secret) {
    if (!input.totp) {
      await appendAudit(
        db,
        actor,
        {
          action: 'login',
          outcome: 'failed',
          objectType: 'user',
          objectId: user.id,
          after: { reason: 'totp_missing' },
        },
        now
      );
      return { ok: false, reason: 'totp_required' };
    }
    const step = matchTotpStep(openTotpSecret(user.totp_secret), input.totp, now);
    // Claimed in one statement before the session opens: of parallel logins with one code, one wins.
    const isClaimed = step !== undefined && (await claimTotpStep(db, user.id, step));
    if (!isClaimed) {
      // A wrong or used code counts like a wrong password, so codes cannot be tried without end.
      const reason = step === undefined ? 'wrong_totp' : 'totp_reused';
      const lockedUntil = await failAttempt(db, ledger, admitted.attempts, settings, now, actor, reason);
      return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'totp_invalid' };
    }
  }

  const token = randomToken();
  const csrfToken = randomToken();
  const at = now.toISOString();
  const isExpired =
    settings.passwordExpiryDays > 0 &&
    now.getTime() - Date.parse(user.password_changed_at) > settings.passwordExpiryDays * 86_400_000;
  const mustEnrollTotp = isTotpRequired(settings, user.role) && !user.totp_enabled;
  const isOpened = await db.transaction().execute(async (trx) => {
    // A lock set meanwhile by attempts that failed stands: this success does not lift it.
    if (!(await clearLoginAttempts(trx, user.id, at))) return false;
    await insertSession(trx, {
      id: sha256Hex(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: at,
      last_seen_at: at,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      ended_at: null,
    });
    const ended = await endSessionsBeyond(trx, user.id, settings.maxSessionsPerAccount, at);
    await appendAudit(
      trx,
      actor,
      {
        action: 'login',
        outcome: 'ok',
        objectType: 'user',
        objectId: user.id,
        ...(ended > 0 ? { after: { ended_oldest_sessions: ended } } : {}),
      },
      now
    );
    return true;
  });
  if (!isOpened) return refuseLocked(db, actor, user.id, (await findUserById(db, user.id))?.locked_until ?? at, now);
  return {
    ok: true,
    token,
    csrfToken,
    user,
    mustChangePassword: Boolean(user.must_change_password) || isExpired,
    mustEnrollTotp,
  };
}

async function refuseLocked(
  db: Kysely<Database>,
  actor: Actor,
  userId: number | undefined,
  lockedUntil: string,
  now: Date
): Promise<LoginResult> {
  await db.transaction().execute((trx) =>
    appendAudit(
      trx,
      actor,
      {
        action: 'login',
        outcome: 'denied',
        ...(userId === undefined ? {} : { objectType: 'user', objectId: userId }),
        after: { reason: 'locked' },
      },
      now
    )
  );
  return { ok: false, reason: 'locked', lockedUntil };
}

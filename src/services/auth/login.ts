import type { Kysely } from 'kysely';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../../security/crypto.js';
import { matchTotpStep } from '../../security/totp.js';
import type { Database } from '../../db/database.js';
import { insertSession } from '../../db/repositories/session.repository.js';
import {
  clearLoginAttempts,
  countLoginAttempt,
  findUserById,
  findUserByUsername,
  lockAccount,
  recordTotpStep,
} from '../../db/repositories/user.repository.js';
import type { SecuritySettings } from '../../domain/security-settings.js';
import type { UserRow } from '../../db/tables/user.table.js';
import { isRole } from '../../shared/roles.js';
import { appendAudit, type Actor } from '../audit/append-audit.js';
import { readSecuritySettings } from '../read-security-settings.js';

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
 * account after repeated failures, and opens a session with a fresh id. Every attempt is audited.
 */
export async function login(db: Kysely<Database>, input: LoginInput, now: Date): Promise<LoginResult> {
  const { settings } = await readSecuritySettings(db);
  const actor = { id: null as number | null, username: input.username.slice(0, 100), ip: input.ip };
  const user = await findUserByUsername(db, input.username);
  if (!user) {
    await verifyPassword(await (dummyHash ??= hashPassword(randomToken())), input.password);
    await db
      .transaction()
      .execute((trx) =>
        appendAudit(trx, actor, { action: 'login', outcome: 'failed', after: { reason: 'unknown_user' } }, now)
      );
    return { ok: false, reason: 'invalid' };
  }
  actor.id = user.id;

  // The attempt is counted, and a lock checked, before the password is: parallel guesses beyond
  // the threshold never reach the check, and none of them can outrun a lock.
  const admitted = await admitAttempt(db, user.id, settings, now);
  if ('lockedUntil' in admitted) return refuseLocked(db, actor, user.id, admitted.lockedUntil, now);

  const isPasswordRight = await verifyPassword(user.password_hash, input.password);
  if (!isPasswordRight || user.is_disabled) {
    const lockedUntil = await failAttempt(
      db,
      user.id,
      admitted.attempts,
      settings,
      now,
      actor,
      user.is_disabled && isPasswordRight ? 'disabled' : 'wrong_password'
    );
    return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'invalid' };
  }

  // The TOTP time step of an accepted code, recorded with the session so the code is not accepted again.
  let acceptedStep: number | undefined;
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
    const step = matchTotpStep(user.totp_secret, input.totp, now);
    if (step === undefined || (user.totp_last_step !== null && step <= user.totp_last_step)) {
      // A wrong code counts like a wrong password, so codes cannot be tried without end.
      const lockedUntil = await failAttempt(db, user.id, admitted.attempts, settings, now, actor, 'wrong_totp');
      return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'totp_invalid' };
    }
    acceptedStep = step;
  }

  const token = randomToken();
  const csrfToken = randomToken();
  const at = now.toISOString();
  const isExpired =
    settings.passwordExpiryDays > 0 &&
    now.getTime() - Date.parse(user.password_changed_at) > settings.passwordExpiryDays * 86_400_000;
  const mustEnrollTotp = isRole(user.role) && settings.totpRequiredRoles.includes(user.role) && !user.totp_enabled;
  const isOpened = await db.transaction().execute(async (trx) => {
    // A lock set meanwhile by attempts that failed stands: this success does not lift it.
    if (!(await clearLoginAttempts(trx, user.id, at))) return false;
    if (acceptedStep !== undefined) await recordTotpStep(trx, user.id, acceptedStep);
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
    await appendAudit(trx, actor, { action: 'login', outcome: 'ok', objectType: 'user', objectId: user.id }, now);
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

const lockEnd = (now: Date, settings: SecuritySettings) =>
  new Date(now.getTime() + settings.lockoutMinutes * 60_000).toISOString();

/**
 * Counts an attempt before its check: refused while the account is locked, and refused with a new
 * lock when more attempts are under way than the threshold allows.
 */
async function admitAttempt(
  db: Kysely<Database>,
  userId: number,
  settings: SecuritySettings,
  now: Date
): Promise<{ attempts: number } | { lockedUntil: string }> {
  return db.transaction().execute(async (trx) => {
    const attempts = await countLoginAttempt(trx, userId, now.toISOString());
    if (attempts === null)
      return { lockedUntil: (await findUserById(trx, userId))?.locked_until ?? lockEnd(now, settings) };
    if (attempts <= settings.lockoutThreshold) return { attempts };
    const lockedUntil = lockEnd(now, settings);
    await lockAccount(trx, userId, lockedUntil);
    return { lockedUntil };
  });
}

async function refuseLocked(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  lockedUntil: string,
  now: Date
): Promise<LoginResult> {
  await db
    .transaction()
    .execute((trx) =>
      appendAudit(
        trx,
        actor,
        { action: 'login', outcome: 'denied', objectType: 'user', objectId: userId, after: { reason: 'locked' } },
        now
      )
    );
  return { ok: false, reason: 'locked', lockedUntil };
}

/**
 * Records an attempt that failed, counted already as the `attempts`-th since the last success,
 * and locks the account once that reaches the threshold. Returns when the lock ends, if it locked.
 */
async function failAttempt(
  db: Kysely<Database>,
  userId: number,
  attempts: number,
  settings: SecuritySettings,
  now: Date,
  actor: Actor,
  reason: string
): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const lockedUntil = attempts >= settings.lockoutThreshold ? lockEnd(now, settings) : null;
    if (lockedUntil) await lockAccount(trx, userId, lockedUntil);
    await appendAudit(
      trx,
      actor,
      {
        action: 'login',
        outcome: 'failed',
        objectType: 'user',
        objectId: userId,
        after: { reason, failures: attempts, locked_until: lockedUntil },
      },
      now
    );
    return lockedUntil;
  });
}

/**
 * Counts a failed check of an account's password outside login (the current password when
 * changing it), toward the same lockout. Returns when the lock ends, if it locked.
 */
export async function countFailure(
  db: Kysely<Database>,
  userId: number,
  settings: SecuritySettings,
  now: Date,
  actor: Actor,
  reason: string
): Promise<string | null> {
  const admitted = await admitAttempt(db, userId, settings, now);
  if ('lockedUntil' in admitted) return admitted.lockedUntil;
  return failAttempt(db, userId, admitted.attempts, settings, now, actor, reason);
}

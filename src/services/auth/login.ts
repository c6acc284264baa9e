import type { Kysely } from 'kysely';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../../security/crypto.js';
import { matchTotpStep } from '../../security/totp.js';
import type { Database } from '../../db/database.js';
import { insertSession } from '../../db/repositories/session.repository.js';
import {
  countFailedLogin,
  findUserByUsername,
  recordLoginAttempt,
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

  if (user.locked_until && user.locked_until > now.toISOString()) {
    await db
      .transaction()
      .execute((trx) =>
        appendAudit(
          trx,
          actor,
          { action: 'login', outcome: 'denied', objectType: 'user', objectId: user.id, after: { reason: 'locked' } },
          now
        )
      );
    return { ok: false, reason: 'locked', lockedUntil: user.locked_until };
  }

  const isPasswordRight = await verifyPassword(user.password_hash, input.password);
  if (!isPasswordRight || user.is_disabled) {
    const lockedUntil = await countFailure(
      db,
      user.id,
      settings,
      now,
      actor,
      user.is_disabled && isPasswordRight ? 'disabled' : 'wrong_password'
    );
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
    const step = matchTotpStep(user.totp_secret, input.totp, now);
    if (step === undefined || (user.totp_last_step !== null && step <= user.totp_last_step)) {
      // A wrong code counts like a wrong password, so codes cannot be tried without end.
      const lockedUntil = await countFailure(db, user.id, settings, now, actor, 'wrong_totp');
      return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'totp_invalid' };
    }
  }

  const token = randomToken();
  const csrfToken = randomToken();
  const at = now.toISOString();
  const isExpired =
    settings.passwordExpiryDays > 0 &&
    now.getTime() - Date.parse(user.password_changed_at) > settings.passwordExpiryDays * 86_400_000;
  const mustEnrollTotp = isRole(user.role) && settings.totpRequiredRoles.includes(user.role) && !user.totp_enabled;
  await db.transaction().execute(async (trx) => {
    await recordLoginAttempt(trx, user.id, { failed_logins: 0, locked_until: null });
    if (user.totp_enabled && input.totp)
      await recordTotpStep(trx, user.id, matchTotpStep(user.totp_secret!, input.totp, now)!);
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
  });
  return {
    ok: true,
    token,
    csrfToken,
    user,
    mustChangePassword: Boolean(user.must_change_password) || isExpired,
    mustEnrollTotp,
  };
}

/**
 * Counts a failed attempt (atomically, so parallel guesses cannot reset the count) and locks the
 * account once the threshold is reached. Returns when the lock ends, if it locked.
 */
export async function countFailure(
  db: Kysely<Database>,
  userId: number,
  settings: SecuritySettings,
  now: Date,
  actor: Actor,
  reason: string
): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const failures = await countFailedLogin(trx, userId);
    const lockedUntil =
      failures >= settings.lockoutThreshold
        ? new Date(now.getTime() + settings.lockoutMinutes * 60_000).toISOString()
        : null;
    if (lockedUntil) await recordLoginAttempt(trx, userId, { failed_logins: 0, locked_until: lockedUntil });
    await appendAudit(
      trx,
      actor,
      {
        action: 'login',
        outcome: 'failed',
        objectType: 'user',
        objectId: userId,
        after: { reason, failures, locked_until: lockedUntil },
      },
      now
    );
    return lockedUntil;
  });
}

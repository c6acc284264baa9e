import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import {
  countUnknownLoginAttempt,
  lockUnknownLogin,
  pruneUnknownLogins,
  unknownLoginLockedUntil,
} from '../../db/repositories/unknown-login.repository.js';
import { countLoginAttempt, findUserById, lockAccount } from '../../db/repositories/user.repository.js';
import type { SecuritySettings } from '../../domain/security-settings.js';
import { appendAudit, type Actor } from '../audit/append-audit.js';

/**
 * Where failed logins of one username are counted: an account's own columns, or, for a name no
 * account has, a row of `unknown_logins` kept the same way. Both lock alike, so the answers
 * (401, then 423 with the same wording) never tell whether a username exists.
 */
export interface AttemptLedger {
  /** The account, for the audit entry; absent for an unknown name. */
  userId?: number;
  /** Counts an attempt unless locked at `at`: the count, or null when locked. */
  count(db: Db, at: string): Promise<number | null>;
  lock(db: Db, until: string): Promise<void>;
  lockedUntil(db: Db): Promise<string | null>;
}

export function accountAttempts(userId: number): AttemptLedger {
  return {
    userId,
    count: (db, at) => countLoginAttempt(db, userId, at),
    lock: (db, until) => lockAccount(db, userId, until),
    lockedUntil: async (db) => (await findUserById(db, userId))?.locked_until ?? null,
  };
}

/** Names not tried for two days are forgotten (longer than the longest lock, 24 hours). */
const UNKNOWN_NAME_MEMORY_MS = 2 * 86_400_000;

export function unknownNameAttempts(username: string): AttemptLedger {
  const name = username.trim().toLowerCase().slice(0, 100);
  return {
    count: async (db, at) => {
      await pruneUnknownLogins(db, new Date(Date.parse(at) - UNKNOWN_NAME_MEMORY_MS).toISOString());
      return countUnknownLoginAttempt(db, name, at);
    },
    lock: (db, until) => lockUnknownLogin(db, name, until),
    lockedUntil: (db) => unknownLoginLockedUntil(db, name),
  };
}

export const lockEnd = (now: Date, settings: SecuritySettings) =>
  new Date(now.getTime() + settings.lockoutMinutes * 60_000).toISOString();

/**
 * Counts an attempt before its check: refused while locked, and refused with a new lock when more
 * attempts are under way than the threshold allows.
 */
export async function admitAttempt(
  db: Kysely<Database>,
  ledger: AttemptLedger,
  settings: SecuritySettings,
  now: Date
): Promise<{ attempts: number } | { lockedUntil: string }> {
  return db.transaction().execute(async (trx) => {
    const attempts = await ledger.count(trx, now.toISOString());
    if (attempts === null) return { lockedUntil: (await ledger.lockedUntil(trx)) ?? lockEnd(now, settings) };
    if (attempts <= settings.lockoutThreshold) return { attempts };
    const lockedUntil = lockEnd(now, settings);
    await ledger.lock(trx, lockedUntil);
    return { lockedUntil };
  });
}

/**
 * Records an attempt that failed, counted already as the `attempts`-th since the last success,
 * and locks once that reaches the threshold. Returns when the lock ends, if it locked.
 */
export async function failAttempt(
  db: Kysely<Database>,
  ledger: AttemptLedger,
  attempts: number,
  settings: SecuritySettings,
  now: Date,
  actor: Actor,
  reason: string
): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const lockedUntil = attempts >= settings.lockoutThreshold ? lockEnd(now, settings) : null;
    if (lockedUntil) await ledger.lock(trx, lockedUntil);
    await appendAudit(
      trx,
      actor,
      {
        action: 'login',
        outcome: 'failed',
        ...(ledger.userId === undefined ? {} : { objectType: 'user', objectId: ledger.userId }),
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
  const ledger = accountAttempts(userId);
  const admitted = await admitAttempt(db, ledger, settings, now);
  if ('lockedUntil' in admitted) return admitted.lockedUntil;
  return failAttempt(db, ledger, admitted.attempts, settings, now, actor, reason);
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { deleteRateLimitsBefore } from '../../db/repositories/rate-limit.repository.js';
import { deleteSessionsBefore } from '../../db/repositories/session.repository.js';
import { pruneUnknownLogins } from '../../db/repositories/unknown-login.repository.js';
import { SECURITY_SETTING_LIMITS } from '../../domain/security-settings.js';

/** The lease name of the clean-up: one server process runs it per period. */
export const SESSION_CLEANUP_JOB = 'session-cleanup';

/** A session older than the longest absolute limit the settings allow is dead under any settings. */
const SESSION_LIMIT_MS = SECURITY_SETTING_LIMITS.absoluteHours[1] * 3_600_000;
/** Rate-limit windows last a minute; an hour-old counter counts nothing. */
const RATE_LIMIT_KEEP_MS = 3_600_000;
/** As the login check forgets them (longer than the longest lock, 24 hours). */
const UNKNOWN_NAME_MEMORY_MS = 2 * 86_400_000;

/**
 * Deletes what the sign-in machinery no longer needs: sessions started or ended more than the
 * longest session limit ago (a request already refuses them), stale rate-limit counters and
 * forgotten unknown login names. Sessions were only ever ended, never deleted, before.
 */
export async function cleanUpSessions(
  db: Kysely<Database>,
  now: Date
): Promise<{ sessions: number; rateLimits: number }> {
  const at = now.getTime();
  const sessions = await deleteSessionsBefore(db, new Date(at - SESSION_LIMIT_MS).toISOString());
  const rateLimits = await deleteRateLimitsBefore(db, at - RATE_LIMIT_KEEP_MS);
  await pruneUnknownLogins(db, new Date(at - UNKNOWN_NAME_MEMORY_MS).toISOString());
  return { sessions, rateLimits };
}

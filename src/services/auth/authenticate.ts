import type { Kysely } from 'kysely';
import { sha256Hex } from '../../security/crypto.js';
import type { Database } from '../../db/database.js';
import { endSession, findOpenSession, touchSession } from '../../db/repositories/session.repository.js';
import type { OpenSession, SessionUser } from '../../db/tables/user.table.js';
import { isTotpRequired } from '../../domain/security-settings.js';
import { securitySettingsForRequests } from '../read-security-settings.js';

export interface Authenticated {
  session: OpenSession;
  user: SessionUser;
  /** Until these are done, the session may only change its password or enroll a second factor. */
  mustChangePassword: boolean;
  mustEnrollTotp: boolean;
}

/** Refreshing last_seen_at on every request would make every read a write; once a minute is enough for a 30-minute idle limit. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The session behind a cookie token, if it is open, within its idle and absolute limits, and
 * its account is enabled. A session past a limit is ended on the spot.
 */
export async function authenticate(db: Kysely<Database>, token: string, now: Date): Promise<Authenticated | undefined> {
  const found = await findOpenSession(db, sha256Hex(token));
  if (!found) return undefined;
  const { session, user } = found;
  const settings = await securitySettingsForRequests(db);
  const at = now.getTime();
  const isIdle = at - Date.parse(session.last_seen_at) > settings.idleMinutes * 60_000;
  const isTooOld = at - Date.parse(session.created_at) > settings.absoluteHours * 3_600_000;
  if (isIdle || isTooOld || user.is_disabled) {
    await endSession(db, session.id, now.toISOString());
    return undefined;
  }
  if (at - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) await touchSession(db, session.id, now.toISOString());
  const isExpired =
    settings.passwordExpiryDays > 0 &&
    at - Date.parse(user.password_changed_at) > settings.passwordExpiryDays * 86_400_000;
  return {
    session,
    user,
    mustChangePassword: Boolean(user.must_change_password) || isExpired,
    mustEnrollTotp: isTotpRequired(settings, user.role) && !user.totp_enabled,
  };
}

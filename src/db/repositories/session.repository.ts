import type { Db } from '../database.js';
import { executeCompiled, placeholder } from './compiled.js';
import type { OpenSession, SessionRow, SessionUser } from '../tables/user.table.js';

export async function insertSession(db: Db, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** An open session with its account. */
export async function findOpenSession(
  db: Db,
  id: string
): Promise<{ session: OpenSession; user: SessionUser } | undefined> {
  // One query per request: the session and the account columns a request needs, together.
  const [row] = await executeCompiled(
    db,
    'open-session',
    () =>
      db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id',
          'sessions.user_id',
          'sessions.csrf_token',
          'sessions.created_at',
          'sessions.last_seen_at',
        ])
        .select([
          'users.username',
          'users.display_name',
          'users.role',
          'users.unit_id',
          'users.is_disabled',
          'users.must_change_password',
          'users.password_changed_at',
          'users.totp_enabled',
        ])
        .where('sessions.id', '=', placeholder(0))
        .where('sessions.ended_at', 'is', null),
    [id]
  );
  if (!row) return undefined;
  return {
    session: {
      id: row.id,
      user_id: row.user_id,
      csrf_token: row.csrf_token,
      created_at: row.created_at,
      last_seen_at: row.last_seen_at,
    },
    user: {
      id: row.user_id,
      username: row.username,
      display_name: row.display_name,
      role: row.role,
      unit_id: row.unit_id,
      is_disabled: row.is_disabled,
      must_change_password: row.must_change_password,
      password_changed_at: row.password_changed_at,
      totp_enabled: row.totp_enabled,
    },
  };
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function endSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ ended_at: at }).where('id', '=', id).where('ended_at', 'is', null).execute();
}

/** Ends every open session of an account (logout everywhere, a disabled account, a new password). */
export async function endUserSessions(db: Db, userId: number, at: string, exceptId?: string): Promise<void> {
  let query = db
    .updateTable('sessions')
    .set({ ended_at: at })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  await query.execute();
}

/**
 * Ends an account's open sessions beyond its `keep` newest (by login time): the limit on
 * concurrent sessions. One statement, so parallel logins cannot leave more open than allowed
 * for long. Returns how many it ended.
 */
export async function endSessionsBeyond(db: Db, userId: number, keep: number, at: string): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ ended_at: at })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .where('id', 'not in', (eb) =>
      eb
        .selectFrom('sessions as newest')
        .select('newest.id')
        .where('newest.user_id', '=', userId)
        .where('newest.ended_at', 'is', null)
        .orderBy('newest.created_at', 'desc')
        .orderBy('newest.id', 'desc')
        .limit(keep)
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Deletes the sessions no request can use any more: started before `before` (older than the
 * longest absolute limit) or ended before it. Returns how many it deleted.
 */
export async function deleteSessionsBefore(db: Db, before: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('created_at', '<', before), eb('ended_at', '<', before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

import type { Db } from '../database.js';
import { executeCompiled, placeholder } from './compiled.js';
import type { SessionRow, UserRow } from '../tables/user.table.js';

export async function insertSession(db: Db, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** An open session with its account. */
export async function findOpenSession(db: Db, id: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  // One query per request: the session and its account together.
  const [row] = await executeCompiled(db, 'open-session', () => db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.created_at as session_created_at', 'sessions.last_seen_at', 'sessions.ip as session_ip', 'sessions.user_agent', 'sessions.ended_at'])
    .where('sessions.id', '=', placeholder(0)).where('sessions.ended_at', 'is', null), [id]);
  if (!row) return undefined;
  const { session_id, csrf_token, session_created_at, last_seen_at, session_ip, user_agent, ended_at, ...user } = row;
  return {
    session: { id: session_id, user_id: user.id, csrf_token, created_at: session_created_at, last_seen_at, ip: session_ip, user_agent, ended_at },
    user,
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
  let query = db.updateTable('sessions').set({ ended_at: at }).where('user_id', '=', userId).where('ended_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  await query.execute();
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { endSession } from '../../db/repositories/session.repository.js';
import { appendAudit, type Actor } from '../audit/append-audit.js';

/** Ends the signed-in session, audited. */
export async function logout(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  sessionId: string,
  now: Date
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await endSession(trx, sessionId, now.toISOString());
    await appendAudit(trx, actor, { action: 'logout', objectType: 'user', objectId: userId, outcome: 'ok' }, now);
  });
}

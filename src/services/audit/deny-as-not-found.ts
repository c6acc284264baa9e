import type { Db } from '../../db/database.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { appendAudit } from './append-audit.js';

/**
 * Refuses a look at a record the user may not see as if it did not exist (no guessing ids), and
 * audits the attempt.
 */
export async function denyAsNotFound(
  db: Db,
  user: ActingUser,
  denied: { objectType: string; objectId: number; reason: string },
  message: string,
  now: Date
): Promise<never> {
  const { objectType, objectId, reason } = denied;
  await appendAudit(db, user, { action: 'access', objectType, objectId, outcome: 'denied', after: { reason } }, now);
  throw new ServiceError('not_found', message).audited();
}

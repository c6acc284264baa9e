import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { deletePenaltyRow, findPenalty } from '../../db/repositories/penalty.repository.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { recomputeBookings } from '../recompute-bookings.js';
import { ServiceError } from '../service-error.js';

/** Removes a deduction recorded by mistake; recomputing its bookings (now none) returns its points. */
export async function deletePenalty(db: Kysely<Database>, user: ActingUser, id: number, now: Date): Promise<void> {
  requireRole(user, ['editor'], '撤销扣分');
  const policies = await listPolicies(db);
  await db.transaction().execute(async (trx) => {
    const penalty = await findPenalty(trx, id);
    if (!penalty) throw new ServiceError('not_found', '扣分记录不存在');
    await deletePenaltyRow(trx, id);
    await recomputeBookings(trx, { penaltyIds: [id] }, policies);
    await appendAudit(
      trx,
      user,
      { action: 'delete_penalty', objectType: 'penalty', objectId: id, outcome: 'ok', before: penalty },
      now
    );
  });
}

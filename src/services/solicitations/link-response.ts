import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import { insertWithRef } from '../../db/repositories/editorial.repository.js';
import { insertItemEvent } from '../../db/repositories/item.repository.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import { findSolicitationForUnit, responseExists } from '../../db/repositories/solicitation.repository.js';
import type { ItemRow } from '../../db/tables/item.table.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ActingUser } from '../acting-user.js';
import { recomputeBookings } from '../recompute-bookings.js';
import { ServiceError } from '../service-error.js';

/**
 * Records an item of the unit as its answer to a solicitation addressed to the unit, inside the
 * caller's transaction; the history names the solicitation by its title.
 */
export async function linkResponse(
  trx: Transaction<Database>,
  user: ActingUser,
  solicitationId: number,
  item: Pick<ItemRow, 'id' | 'unit_id' | 'status'>,
  now: Date
): Promise<{ id: number; ref: string }> {
  const solicitation = await findSolicitationForUnit(trx, solicitationId, item.unit_id);
  if (!solicitation)
    throw new ServiceError('not_found', '约稿不存在或不面向本单位', { field: 'solicitationId', label: '回复的约稿' });
  if (await responseExists(trx, solicitationId, item.id)) throw new ServiceError('conflict', '该稿件已回复过这条约稿');
  const created = await insertWithRef(trx, 'responses', 'WR', { solicitation_id: solicitationId, item_id: item.id });
  await insertItemEvent(trx, {
    item_id: item.id,
    at: now.toISOString(),
    actor_id: user.id,
    actor: user.displayName,
    action: 'answer_solicitation',
    from_status: item.status,
    to_status: item.status,
    comment: `约稿“${solicitation.title}”`,
  });
  await appendAudit(
    trx,
    user,
    {
      action: 'answer_solicitation',
      objectType: 'response',
      objectId: created.id,
      outcome: 'ok',
      after: { solicitation_id: solicitationId, item_id: item.id },
    },
    now
  );
  await recomputeBookings(trx, { itemIds: [item.id], solicitationIds: [solicitationId] }, await listPolicies(trx));
  return created;
}

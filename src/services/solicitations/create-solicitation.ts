import type { Kysely } from 'kysely';
import { earliestPolicyDate } from '../../domain/policy.js';
import { recordDateProblem } from '../../domain/record-date.js';
import type { Database } from '../../db/database.js';
import { insertWithRef } from '../../db/repositories/editorial.repository.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import { insertSolicitationUnits } from '../../db/repositories/solicitation.repository.js';
import { existingUnitIds } from '../../db/repositories/unit-lookup.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { recomputeBookings } from '../recompute-bookings.js';
import { ServiceError } from '../service-error.js';
import { notifySolicitationCreated } from '../notifications/notify-events.js';

export interface SolicitationInput {
  issuer: 'district' | 'city';
  title: string;
  requirements?: string | null;
  deadline: string;
  /** The units it targets; absent means every unit (an empty list is refused). */
  unitIds?: number[];
}

/** 约稿: the editor asks units for items by a deadline. Units that do not answer in time lose 5 points on the deadline, by themselves. */
export async function createSolicitation(
  db: Kysely<Database>,
  user: ActingUser,
  input: SolicitationInput,
  now: Date
): Promise<{ id: number; ref: string }> {
  requireRole(user, ['editor'], '发布约稿');
  const policies = await listPolicies(db);
  const earliest = earliestPolicyDate(policies)!;
  const problem = recordDateProblem(input.deadline, { earliestPolicyDate: earliest });
  if (problem === 'not_a_date')
    throw new ServiceError('invalid', '截止日期不是有效日期', { field: 'deadline', label: '截止日期' });
  if (problem === 'before_policy')
    throw new ServiceError('invalid', `截止日期早于最早的考核政策生效日期 ${earliest}`, {
      field: 'deadline',
      label: '截止日期',
    });
  if (input.unitIds && input.unitIds.length === 0)
    throw new ServiceError('invalid', '约稿对象不能为空；面向全部单位时请不选', {
      field: 'unitIds',
      label: '约稿对象',
    });
  const unitIds = [...new Set(input.unitIds ?? [])];
  if (unitIds.length > 0 && (await existingUnitIds(db, unitIds)).length !== unitIds.length) {
    throw new ServiceError('invalid', '约稿对象中有不存在的单位', { field: 'unitIds', label: '约稿对象' });
  }
  return db.transaction().execute(async (trx) => {
    const values = {
      issuer: input.issuer,
      title: input.title.trim(),
      requirements: input.requirements?.trim() || null,
      deadline: input.deadline,
      all_units: unitIds.length === 0 ? 1 : 0,
      created_at: now.toISOString(),
    };
    const created = await insertWithRef(trx, 'solicitations', 'WS', values);
    await insertSolicitationUnits(trx, created.id, unitIds);
    await appendAudit(
      trx,
      user,
      {
        action: 'create_solicitation',
        objectType: 'solicitation',
        objectId: created.id,
        outcome: 'ok',
        after: { ...values, unit_ids: unitIds },
      },
      now
    );
    await recomputeBookings(trx, { solicitationIds: [created.id] }, policies);
    await notifySolicitationCreated(trx, { ...created, ...values }, unitIds, now);
    return created;
  });
}

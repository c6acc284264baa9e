import type { Kysely } from 'kysely';
import { earliestPolicyDate } from '../../domain/policy.js';
import { recordDateProblem } from '../../domain/record-date.js';
import type { Database } from '../../db/database.js';
import { insertWithRef } from '../../db/repositories/editorial.repository.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import { findUnitById } from '../../db/repositories/unit-lookup.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { recomputeBookings } from '../recompute-bookings.js';
import { repeatedLatenessWarnings } from '../import-warnings.js';
import { ServiceError } from '../service-error.js';

export interface PenaltyInput {
  unitId: number;
  reason: 'late_solicitation' | 'criticism';
  date: string;
  note?: string | null;
}

/** 扣分: the editor records a deduction; a manual lateness deduction near an automatic one is warned about. */
export async function recordPenalty(
  db: Kysely<Database>,
  user: ActingUser,
  input: PenaltyInput,
  now: Date
): Promise<{ id: number; ref: string; warnings: string[] }> {
  requireRole(user, ['editor'], '登记扣分');
  const policies = await listPolicies(db);
  const earliest = earliestPolicyDate(policies)!;
  const problem = recordDateProblem(input.date, { earliestPolicyDate: earliest });
  if (problem === 'not_a_date')
    throw new ServiceError('invalid', '扣分日期不是有效日期', { field: 'date', label: '扣分日期' });
  if (problem === 'before_policy')
    throw new ServiceError('invalid', `扣分日期早于最早的考核政策生效日期 ${earliest}`, {
      field: 'date',
      label: '扣分日期',
    });
  const unit = await findUnitById(db, input.unitId);
  if (!unit) throw new ServiceError('invalid', '单位不存在', { field: 'unitId', label: '单位' });
  return db.transaction().execute(async (trx) => {
    const values = { unit_id: unit.id, reason: input.reason, date: input.date, note: input.note?.trim() || null };
    const created = await insertWithRef(trx, 'penalties', 'WP', values);
    await appendAudit(
      trx,
      user,
      {
        action: 'record_penalty',
        objectType: 'penalty',
        objectId: created.id,
        outcome: 'ok',
        after: { ...values, ref: created.ref },
      },
      now
    );
    await recomputeBookings(trx, { penaltyIds: [created.id] }, policies);
    const warnings =
      input.reason === 'late_solicitation' ? await repeatedLatenessWarnings(trx, unit.id, unit.name, input.date) : [];
    return { ...created, warnings };
  });
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { findSummary, insertSummaryEvent, updateSummary } from '../../db/repositories/summary.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { computeSummaryFigures } from './compute-summary-figures.js';
import { halfOfPeriod } from './summary-content.js';

/**
 * 调研科 submits a summary to an office leader: the figures are computed from the records now and
 * frozen with it, so the leader approves exactly what was submitted (and a return, then a new
 * submission, freezes them afresh).
 */
export async function submitSummary(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  now: Date
): Promise<void> {
  if (user.role !== 'editor') throw new ServiceError('forbidden', '当前账号无权提交工作总结');
  const found = await findSummary(db, id);
  if (!found) throw new ServiceError('not_found', '工作总结不存在');
  const figures = await computeSummaryFigures(db, found.year, halfOfPeriod(found.period));
  await db.transaction().execute(async (trx) => {
    const summary = await findSummary(trx, id);
    if (!summary) throw new ServiceError('not_found', '工作总结不存在');
    if (summary.version !== version)
      throw new ServiceError('conflict', '工作总结已被修改，请刷新后再提交', { currentVersion: summary.version });
    if (summary.status === 'pending') throw new ServiceError('conflict', '工作总结已提交审批');
    if (summary.status === 'approved') throw new ServiceError('conflict', '工作总结已审批通过');
    const at = now.toISOString();
    if (
      !(await updateSummary(trx, id, version, {
        status: 'pending',
        snapshot: JSON.stringify(figures),
        submitted_at: at,
      }))
    )
      throw new ServiceError('conflict', '工作总结已被修改，请刷新后再提交');
    await insertSummaryEvent(trx, {
      summary_id: id,
      at,
      actor_id: user.id,
      actor: user.displayName,
      action: summary.status === 'returned' ? 'resubmit' : 'submit',
      comment: null,
    });
    await appendAudit(
      trx,
      user,
      {
        action: 'submit_summary',
        objectType: 'summary',
        objectId: id,
        outcome: 'ok',
        before: { status: summary.status },
        after: { status: 'pending', year: summary.year, period: summary.period, points: figures.totals.points },
      },
      now
    );
  });
}

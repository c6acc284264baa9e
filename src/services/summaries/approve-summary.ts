import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { findSummary, insertSummaryEvent, updateSummary } from '../../db/repositories/summary.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';

/** 办公室领导 approves a submitted summary: its paragraphs and frozen figures become final. */
export async function approveSummary(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  now: Date
): Promise<void> {
  if (user.role !== 'office_leader') throw new ServiceError('forbidden', '当前账号无权审批工作总结');
  await db.transaction().execute(async (trx) => {
    const summary = await findSummary(trx, id);
    if (!summary) throw new ServiceError('not_found', '工作总结不存在');
    if (summary.version !== version)
      throw new ServiceError('conflict', '工作总结已被修改，请刷新后再审批', { currentVersion: summary.version });
    if (summary.status === 'approved') throw new ServiceError('conflict', '工作总结已审批通过');
    if (summary.status !== 'pending') throw new ServiceError('conflict', '工作总结尚未提交审批');
    const at = now.toISOString();
    if (!(await updateSummary(trx, id, version, { status: 'approved', approved_by: user.id, approved_at: at })))
      throw new ServiceError('conflict', '工作总结已被修改，请刷新后再审批');
    await insertSummaryEvent(trx, {
      summary_id: id,
      at,
      actor_id: user.id,
      actor: user.displayName,
      action: 'approve',
      comment: null,
    });
    await appendAudit(
      trx,
      user,
      {
        action: 'approve_summary',
        objectType: 'summary',
        objectId: id,
        outcome: 'ok',
        before: { status: 'pending' },
        after: { status: 'approved', year: summary.year, period: summary.period },
      },
      now
    );
  });
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { findSummary, insertSummaryEvent, updateSummary } from '../../db/repositories/summary.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';

/** 办公室领导 returns a submitted summary to the editor with a comment (what to change). */
export async function returnSummary(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  comment: string,
  now: Date
): Promise<void> {
  if (user.role !== 'office_leader') throw new ServiceError('forbidden', '当前账号无权退回工作总结');
  const reason = comment.trim();
  if (!reason) throw new ServiceError('invalid', '退回须填写意见', { field: 'comment', label: '退回意见' });
  await db.transaction().execute(async (trx) => {
    const summary = await findSummary(trx, id);
    if (!summary) throw new ServiceError('not_found', '工作总结不存在');
    if (summary.version !== version)
      throw new ServiceError('conflict', '工作总结已被修改，请刷新后再处理', { currentVersion: summary.version });
    if (summary.status !== 'pending')
      throw new ServiceError(
        'conflict',
        summary.status === 'approved' ? '工作总结已审批通过，不能退回' : '工作总结尚未提交审批'
      );
    const at = now.toISOString();
    if (!(await updateSummary(trx, id, version, { status: 'returned' })))
      throw new ServiceError('conflict', '工作总结已被修改，请刷新后再处理');
    await insertSummaryEvent(trx, {
      summary_id: id,
      at,
      actor_id: user.id,
      actor: user.displayName,
      action: 'return',
      comment: reason,
    });
    await appendAudit(
      trx,
      user,
      {
        action: 'return_summary',
        objectType: 'summary',
        objectId: id,
        outcome: 'ok',
        before: { status: 'pending' },
        after: { status: 'returned', comment: reason, year: summary.year, period: summary.period },
      },
      now
    );
  });
}

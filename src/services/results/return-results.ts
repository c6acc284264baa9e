import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { findPublication, insertResultEvent, updatePublication } from '../../db/repositories/result.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';

/** 办公室领导 returns prepared results to the editor with a comment (why, what to correct). */
export async function returnResults(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  comment: string,
  now: Date
): Promise<void> {
  if (user.role !== 'office_leader') throw new ServiceError('forbidden', '当前账号无权退回考核结果');
  const reason = comment.trim();
  if (!reason) throw new ServiceError('invalid', '退回须填写意见', { field: 'comment', label: '退回意见' });
  await db.transaction().execute(async (trx) => {
    const publication = await findPublication(trx, id);
    if (!publication) throw new ServiceError('not_found', '考核结果不存在');
    if (publication.version !== version)
      throw new ServiceError('conflict', '考核结果已被重新编制，请刷新后再处理', {
        currentVersion: publication.version,
      });
    if (publication.status !== 'pending')
      throw new ServiceError(
        'conflict',
        publication.status === 'published' ? '考核结果已发布，不能退回' : '考核结果已退回'
      );
    await updatePublication(trx, id, version, { status: 'returned' });
    await insertResultEvent(trx, {
      publication_id: id,
      at: now.toISOString(),
      actor_id: user.id,
      actor: user.displayName,
      action: 'return',
      comment: reason,
    });
    await appendAudit(
      trx,
      user,
      {
        action: 'return_results',
        objectType: 'result_publication',
        objectId: id,
        outcome: 'ok',
        before: { status: 'pending' },
        after: { status: 'returned', comment: reason, year: publication.year, quarter: publication.quarter },
      },
      now
    );
  });
}

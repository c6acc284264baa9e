import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { findPublication, insertResultEvent, updatePublication } from '../../db/repositories/result.repository.js';
import { todayInChina } from '../../domain/dates.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { bulletinFromRecords } from './bulletin-of-publication.js';
import { openReplaceOfficerFollowUps } from './open-follow-ups.js';
import { notifyResultsPublished } from '../notifications/notify-events.js';

/**
 * 办公室领导 approves prepared results, which publishes them to every unit; the whole bulletin
 * (figures, lists, annex, texts and the bookings behind them) is frozen as published.
 */
export async function approveResults(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  now: Date
): Promise<void> {
  if (user.role !== 'office_leader') throw new ServiceError('forbidden', '当前账号无权审批考核结果');
  await db.transaction().execute(async (trx) => {
    const publication = await findPublication(trx, id);
    if (!publication) throw new ServiceError('not_found', '考核结果不存在');
    if (publication.version !== version)
      throw new ServiceError('conflict', '考核结果已被重新编制，请刷新后再审批', {
        currentVersion: publication.version,
      });
    if (publication.status === 'published') throw new ServiceError('conflict', '考核结果已发布');
    if (publication.status === 'returned')
      throw new ServiceError('conflict', '考核结果已退回调研科修改，待重新编制后再审批');
    const bulletin = await bulletinFromRecords(trx, publication, todayInChina(now));
    await updatePublication(trx, id, version, {
      bulletin: JSON.stringify(bulletin),
      status: 'published',
      approved_by: user.id,
      approved_at: now.toISOString(),
    });
    await openReplaceOfficerFollowUps(trx, id, bulletin, todayInChina(now));
    await insertResultEvent(trx, {
      publication_id: id,
      at: now.toISOString(),
      actor_id: user.id,
      actor: user.displayName,
      action: 'approve',
      comment: null,
    });
    await appendAudit(
      trx,
      user,
      {
        action: 'approve_results',
        objectType: 'result_publication',
        objectId: id,
        outcome: 'ok',
        after: { year: publication.year, quarter: publication.quarter },
      },
      now
    );
    await notifyResultsPublished(trx, publication, now);
  });
}

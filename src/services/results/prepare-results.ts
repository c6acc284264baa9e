import type { Kysely } from 'kysely';
import { addDays, quarterEnd, todayInChina } from '../../domain/dates.js';
import type { Database } from '../../db/database.js';
import {
  findPublicationOfQuarter,
  insertPublication,
  insertResultEvent,
  updatePublication,
} from '../../db/repositories/result.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import { computeScores } from '../compute-scores.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';

/**
 * 调研科 prepares a quarter's results (《番府信息》工作通讯): the scores as of the quarter's end, or
 * today while the quarter runs, frozen as a snapshot. Preparing again replaces an unapproved one.
 */
export async function prepareResults(
  db: Kysely<Database>,
  user: ActingUser,
  year: number,
  quarter: number,
  now: Date
): Promise<{ id: number }> {
  if (user.role !== 'editor') throw new ServiceError('forbidden', '当前账号无权编制考核结果');
  const today = todayInChina(now);
  const end = quarterEnd(year, quarter);
  if (`${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01` > today)
    throw new ServiceError('invalid', '该季度尚未开始');
  // 统计截至: the quarter's last day once it is over, else today. Scores count deadlines before
  // `asOf`, so a deadline missed on that last day is counted by computing as of the day after.
  const asOf = end < today ? end : today;
  const snapshot = await computeScores(db, { year, quarter, asOf: end < today ? addDays(end, 1) : today });
  return db.transaction().execute(async (trx) => {
    const existing = await findPublicationOfQuarter(trx, year, quarter);
    if (existing?.status === 'published')
      throw new ServiceError('conflict', `${year} 年第 ${quarter} 季度的考核结果已发布`);
    const values = {
      year,
      quarter,
      status: 'pending',
      as_of: asOf,
      snapshot: JSON.stringify(snapshot),
      prepared_by: user.id,
      prepared_at: now.toISOString(),
      approved_by: null,
      approved_at: null,
    };
    let id: number;
    if (existing) {
      await updatePublication(trx, existing.id, existing.version, values);
      id = existing.id;
    } else {
      id = await insertPublication(trx, values);
    }
    // Prepared again after a return is the editor's resubmission.
    await insertResultEvent(trx, {
      publication_id: id,
      at: now.toISOString(),
      actor_id: user.id,
      actor: user.displayName,
      action: existing?.status === 'returned' ? 'resubmit' : 'prepare',
      comment: null,
    });
    await appendAudit(
      trx,
      user,
      {
        action: 'prepare_results',
        objectType: 'result_publication',
        objectId: id,
        outcome: 'ok',
        before: existing ? { status: existing.status } : undefined,
        after: { year, quarter, as_of: asOf },
      },
      now
    );
    return { id };
  });
}

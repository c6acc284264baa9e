import type { Kysely } from 'kysely';
import { addDays, quarterEnd, todayInChina } from '../../domain/dates.js';
import { isDistrictRole } from '../../domain/permissions.js';
import type { Database } from '../../db/database.js';
import {
  findPublication,
  findPublicationOfQuarter,
  insertPublication,
  insertResultEvent,
  listPublications,
  resultEventsByPublication,
  updatePublication,
} from '../../db/repositories/result.repository.js';
import type { Publication, PublicationStatus } from '../../shared/api/results.js';
import { isUnitRole } from '../../shared/roles.js';
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

/** 办公室领导 approves prepared results, which publishes them to every unit. */
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
    await updatePublication(trx, id, version, {
      status: 'published',
      approved_by: user.id,
      approved_at: now.toISOString(),
    });
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
  });
}

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

/** Published results for everyone who works with items; pending ones for the district office too. */
export async function listResults(db: Kysely<Database>, user: ActingUser): Promise<Publication[]> {
  if (!isDistrictRole(user.role) && !isUnitRole(user.role))
    throw new ServiceError('forbidden', '当前账号无权查看考核结果');
  const district = isDistrictRole(user.role);
  const publications = await listPublications(db, !district);
  // The history (with the leader's comments) is the district office's own business.
  const events = district ? await resultEventsByPublication(db) : new Map();
  return publications.map((p): Publication => {
    const history = (events.get(p.id) ?? []) as NonNullable<Publication['history']>;
    const lastReturn = [...history].reverse().find((e) => e.action === 'return');
    return {
      id: p.id,
      year: p.year,
      quarter: p.quarter,
      status: p.status as PublicationStatus,
      asOf: statisticsDate(p),
      preparedAt: p.prepared_at,
      approvedAt: p.approved_at,
      version: p.version,
      scores: JSON.parse(p.snapshot) as Publication['scores'],
      ...(district ? { history, returnComment: p.status === 'returned' ? (lastReturn?.comment ?? null) : null } : {}),
    };
  });
}

/** The day the figures stand at the end of; results prepared before this was fixed stored the day after the quarter. */
function statisticsDate(p: { year: number; quarter: number; as_of: string }): string {
  const end = quarterEnd(p.year, p.quarter);
  return p.as_of > end ? end : p.as_of;
}

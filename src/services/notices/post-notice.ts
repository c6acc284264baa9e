import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import {
  insertNotice,
  insertNoticeUnits,
  listAudienceUnitIds,
  markNoticePosted,
} from '../../db/repositories/notice.repository.js';
import { seriesExists } from '../../db/repositories/unit.repository.js';
import { existingUnitIds } from '../../db/repositories/unit-lookup.repository.js';
import type { NoticeBody, NoticePosted } from '../../shared/api/notices.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { notifyNoticePosted } from '../notifications/notify-events.js';
import { loadVisibleNotice } from './notice-access.js';

const invalid = (message: string, field: string, label: string) =>
  new ServiceError('invalid', message, { field, label });

/** Checks who the notice is for; the chosen units to store now (none for all units or a series). */
async function checkAudience(db: Kysely<Database>, input: NoticeBody): Promise<number[]> {
  if (input.audience !== 'series' && input.seriesCode !== undefined)
    throw invalid('只有发送给某一序列时才填写序列', 'seriesCode', '序列');
  if (input.audience !== 'units' && input.unitIds !== undefined)
    throw invalid('只有发送给指定单位时才选择单位', 'unitIds', '指定单位');
  if (input.audience === 'series') {
    if (input.seriesCode === undefined) throw invalid('请选择接收通知的序列', 'seriesCode', '序列');
    if (!(await seriesExists(db, input.seriesCode))) throw invalid('序列不存在', 'seriesCode', '序列');
  }
  if (input.audience !== 'units') return [];
  const unitIds = [...new Set(input.unitIds ?? [])];
  if (unitIds.length === 0) throw invalid('请至少选择一个接收通知的单位', 'unitIds', '指定单位');
  if ((await existingUnitIds(db, unitIds)).length !== unitIds.length)
    throw invalid('指定单位中有不存在的单位', 'unitIds', '指定单位');
  return unitIds;
}

/** The editor drafts a notice; attachments are added to the draft, then it is posted. */
export async function createNotice(
  db: Kysely<Database>,
  user: ActingUser,
  input: NoticeBody,
  now: Date
): Promise<{ id: number }> {
  requireRole(user, ['editor'], '起草信息工作通知');
  const title = input.title.trim();
  const body = input.body.trim();
  if (!title) throw invalid('通知标题不能为空', 'title', '通知标题');
  if (!body) throw invalid('通知正文不能为空', 'body', '通知正文');
  const unitIds = await checkAudience(db, input);
  return db.transaction().execute(async (trx) => {
    const values = {
      title,
      body,
      kind: input.kind,
      audience: input.audience,
      series_code: input.audience === 'series' ? input.seriesCode! : null,
      created_by: user.id,
      created_at: now.toISOString(),
      posted_by: null,
      posted_at: null,
    };
    const id = await insertNotice(trx, values);
    await insertNoticeUnits(trx, id, unitIds);
    await appendAudit(
      trx,
      user,
      {
        action: 'create_notice',
        objectType: 'notice',
        objectId: id,
        outcome: 'ok',
        after: { ...values, unit_ids: unitIds },
      },
      now
    );
    return { id };
  });
}

/**
 * Posts a draft: all units or a series are resolved to the units of this moment (a unit added
 * later does not receive it), and the notice is fixed from now on.
 */
export async function publishNotice(
  db: Kysely<Database>,
  user: ActingUser,
  noticeId: number,
  now: Date
): Promise<NoticePosted> {
  requireRole(user, ['editor'], '发布信息工作通知');
  const { notice, unitIds: chosen } = await loadVisibleNotice(db, user, noticeId, now);
  if (notice.posted_at !== null) throw new ServiceError('conflict', '通知已发布，不能再次发布；如需更正请另发通知');
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    if (!(await markNoticePosted(trx, noticeId, user.id, at)))
      throw new ServiceError('conflict', '通知已发布，不能再次发布；如需更正请另发通知');
    let unitIds = chosen;
    if (notice.audience !== 'units') {
      unitIds = await listAudienceUnitIds(trx, notice.audience === 'series' ? notice.series_code : null);
      await insertNoticeUnits(trx, noticeId, unitIds);
    }
    if (unitIds.length === 0) throw new ServiceError('conflict', '该序列下没有单位，通知无人接收，未发布');
    await appendAudit(
      trx,
      user,
      {
        action: 'post_notice',
        objectType: 'notice',
        objectId: noticeId,
        outcome: 'ok',
        after: { posted_at: at, unit_ids: unitIds },
      },
      now
    );
    await notifyNoticePosted(trx, notice, unitIds, now);
    return { postedAt: at, unitCount: unitIds.length };
  });
}

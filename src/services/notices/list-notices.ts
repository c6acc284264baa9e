import type { Kysely } from 'kysely';
import { isDistrictRole } from '../../domain/permissions.js';
import type { Database } from '../../db/database.js';
import {
  countNoticeReads,
  findNoticeUnit,
  findUserDisplayName,
  listNoticeAttachments,
  listNoticeRecipients,
  listNoticeReminders,
  listNoticeRows,
  listUnitNoticeRows,
} from '../../db/repositories/notice.repository.js';
import { listSeries } from '../../db/repositories/unit.repository.js';
import type { NoticeRow } from '../../db/tables/notice.table.js';
import { NOTICE_KINDS, type NoticeDetail, type NoticeKind, type NoticeSummary } from '../../shared/api/notices.js';
import { isUnitRole } from '../../shared/roles.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { loadVisibleNotice } from './notice-access.js';

/** What every view of a notice shows, with the names of its poster and its audience. */
async function noticeFields(
  db: Kysely<Database>,
  row: NoticeRow,
  unitCount: number,
  names: Map<number, string | null>
) {
  if (row.posted_by !== null && !names.has(row.posted_by))
    names.set(row.posted_by, await findUserDisplayName(db, row.posted_by));
  const series = row.series_code === null ? [] : await listSeries(db);
  const audienceName =
    row.audience === 'all'
      ? '全部单位'
      : row.audience === 'series'
        ? (series.find((s) => s.code === row.series_code)?.name ?? row.series_code ?? '')
        : `指定单位（${unitCount} 个）`;
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    kindName: NOTICE_KINDS[row.kind as NoticeKind] ?? row.kind,
    audience: row.audience,
    audienceName,
    postedBy: row.posted_by === null ? null : (names.get(row.posted_by) ?? null),
    postedAt: row.posted_at,
    createdAt: row.created_at,
  };
}

/**
 * Notices as a user sees them: the editor every one (drafts too) with read counts, an office leader
 * the posted ones with read counts, a unit the posted ones addressed to it with its confirmation.
 */
export async function listNotices(db: Kysely<Database>, user: ActingUser): Promise<NoticeSummary[]> {
  const names = new Map<number, string | null>();
  if (isUnitRole(user.role) && user.unitId !== null) {
    const rows = await listUnitNoticeRows(db, user.unitId);
    const result: NoticeSummary[] = [];
    for (const row of rows)
      result.push({
        ...(await noticeFields(db, row, 0, names)),
        unitCount: null,
        readCount: null,
        readAt: row.read_at,
        remindedAt: row.reminded_at,
      });
    return result;
  }
  if (!isDistrictRole(user.role)) throw new ServiceError('forbidden', '当前账号无权查看信息工作通知');
  const counts = new Map((await countNoticeReads(db)).map((c) => [c.notice_id, c]));
  const rows = (await listNoticeRows(db)).filter((row) => user.role === 'editor' || row.posted_at !== null);
  const result: NoticeSummary[] = [];
  for (const row of rows) {
    const count = counts.get(row.id);
    // A draft's counts are of its chosen units; all units and series are resolved when posted.
    result.push({
      ...(await noticeFields(db, row, count?.units ?? 0, names)),
      unitCount: row.posted_at === null ? null : (count?.units ?? 0),
      readCount: row.posted_at === null ? null : (count?.reads ?? 0),
      readAt: null,
      remindedAt: null,
    });
  }
  return result;
}

/** One notice with its attachments; the district office sees every recipient's status, a unit its own. */
export async function presentNotice(
  db: Kysely<Database>,
  user: ActingUser,
  noticeId: number,
  now: Date
): Promise<NoticeDetail> {
  const { notice, unitIds } = await loadVisibleNotice(db, user, noticeId, now);
  const fields = await noticeFields(db, notice, unitIds.length, new Map());
  const attachments = (await listNoticeAttachments(db, noticeId)).map((a) => ({
    id: a.id,
    filename: a.filename,
    mediaType: a.media_type,
    size: a.size,
  }));
  if (isUnitRole(user.role)) {
    const own = await findNoticeUnit(db, noticeId, user.unitId!);
    return {
      ...fields,
      body: notice.body,
      attachments,
      units: null,
      reminders: null,
      readAt: own?.read_at ?? null,
      readBy: own?.read_by ?? null,
      remindedAt: own?.reminded_at ?? null,
    };
  }
  const recipients = await listNoticeRecipients(db, noticeId);
  const reminders = await listNoticeReminders(db, noticeId);
  return {
    ...fields,
    body: notice.body,
    attachments,
    units: recipients.map((r) => ({
      unitId: r.unit_id,
      unit: r.unit,
      readAt: r.read_at,
      readBy: r.read_by,
      remindedAt: r.reminded_at,
    })),
    reminders: reminders.map((r) => ({ at: r.at, by: r.by, unitCount: r.unit_count })),
    readAt: null,
    readBy: null,
    remindedAt: null,
  };
}

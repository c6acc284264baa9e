import type { Db } from '../database.js';
import type { NoticeAttachmentRow, NoticeRow } from '../tables/notice.table.js';

export async function insertNotice(db: Db, notice: Omit<NoticeRow, 'id'>): Promise<number> {
  const { id } = await db.insertInto('notices').values(notice).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function findNotice(db: Db, id: number): Promise<NoticeRow | undefined> {
  return db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every notice, newest first. */
export async function listNoticeRows(db: Db): Promise<NoticeRow[]> {
  return db.selectFrom('notices').selectAll().orderBy('id', 'desc').execute();
}

/** Posted notices addressed to a unit, newest first, with the unit's confirmation and last reminder. */
export async function listUnitNoticeRows(db: Db, unitId: number) {
  return db
    .selectFrom('notices')
    .innerJoin('notice_units', 'notice_units.notice_id', 'notices.id')
    .selectAll('notices')
    .select(['notice_units.read_at', 'notice_units.reminded_at'])
    .where('notice_units.unit_id', '=', unitId)
    .where('notices.posted_at', 'is not', null)
    .orderBy('notices.posted_at', 'desc')
    .orderBy('notices.id', 'desc')
    .execute();
}

/** Per notice: how many units it reached and how many confirmed reading. */
export async function countNoticeReads(db: Db): Promise<{ notice_id: number; units: number; reads: number }[]> {
  const rows = await db
    .selectFrom('notice_units')
    .select((eb) => ['notice_id', eb.fn.countAll<number>().as('units'), eb.fn.count<number>('read_at').as('reads')])
    .groupBy('notice_id')
    .execute();
  return rows.map((r) => ({ notice_id: r.notice_id, units: Number(r.units), reads: Number(r.reads) }));
}

export async function insertNoticeUnits(db: Db, noticeId: number, unitIds: readonly number[]): Promise<void> {
  for (let i = 0; i < unitIds.length; i += 500)
    await db
      .insertInto('notice_units')
      .values(unitIds.slice(i, i + 500).map((unit_id) => ({ notice_id: noticeId, unit_id })))
      .execute();
}

export async function listNoticeUnitIds(db: Db, noticeId: number): Promise<number[]> {
  const rows = await db.selectFrom('notice_units').select('unit_id').where('notice_id', '=', noticeId).execute();
  return rows.map((r) => r.unit_id);
}

/** A notice's recipients in annex order, with who confirmed for each. */
export async function listNoticeRecipients(db: Db, noticeId: number) {
  return db
    .selectFrom('notice_units')
    .innerJoin('units', 'units.id', 'notice_units.unit_id')
    .innerJoin('series', 'series.code', 'units.series_code')
    .leftJoin('users', 'users.id', 'notice_units.read_by')
    .select([
      'notice_units.unit_id',
      'units.name as unit',
      'notice_units.read_at',
      'users.display_name as read_by',
      'notice_units.reminded_at',
    ])
    .where('notice_units.notice_id', '=', noticeId)
    .orderBy('series.sort_order')
    .orderBy('units.sort_order')
    .execute();
}

/** One unit's row of a notice, with who confirmed. */
export async function findNoticeUnit(db: Db, noticeId: number, unitId: number) {
  return db
    .selectFrom('notice_units')
    .leftJoin('users', 'users.id', 'notice_units.read_by')
    .select(['notice_units.read_at', 'users.display_name as read_by', 'notice_units.reminded_at'])
    .where('notice_units.notice_id', '=', noticeId)
    .where('notice_units.unit_id', '=', unitId)
    .executeTakeFirst();
}

/** Every unit id, or a series' (the recipients resolved when a notice is posted). */
export async function listAudienceUnitIds(db: Db, seriesCode: string | null): Promise<number[]> {
  let query = db.selectFrom('units').select('id').orderBy('id');
  if (seriesCode !== null) query = query.where('series_code', '=', seriesCode);
  return (await query.execute()).map((r) => r.id);
}

/** Sets the posting time once; false when the notice was already posted (a concurrent post). */
export async function markNoticePosted(db: Db, noticeId: number, userId: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('notices')
    .set({ posted_by: userId, posted_at: at })
    .where('id', '=', noticeId)
    .where('posted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a unit's confirmation unless one is stored (the first stands); whether this one was stored. */
export async function confirmNoticeRead(
  db: Db,
  noticeId: number,
  unitId: number,
  userId: number,
  at: string
): Promise<boolean> {
  const result = await db
    .updateTable('notice_units')
    .set({ read_by: userId, read_at: at })
    .where('notice_id', '=', noticeId)
    .where('unit_id', '=', unitId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks every unit that has not confirmed as reminded now; the ids of the units marked. */
export async function remindUnreadUnits(db: Db, noticeId: number, userId: number, at: string): Promise<number[]> {
  const rows = await db
    .updateTable('notice_units')
    .set({ reminded_by: userId, reminded_at: at })
    .where('notice_id', '=', noticeId)
    .where('read_at', 'is', null)
    .returning('unit_id')
    .execute();
  return rows.map((r) => r.unit_id);
}

export async function insertNoticeReminder(
  db: Db,
  reminder: { notice_id: number; at: string; actor_id: number; unit_count: number }
): Promise<void> {
  await db.insertInto('notice_reminders').values(reminder).execute();
}

export async function listNoticeReminders(db: Db, noticeId: number) {
  return db
    .selectFrom('notice_reminders')
    .innerJoin('users', 'users.id', 'notice_reminders.actor_id')
    .select(['notice_reminders.at', 'users.display_name as by', 'notice_reminders.unit_count'])
    .where('notice_reminders.notice_id', '=', noticeId)
    .orderBy('notice_reminders.id')
    .execute();
}

export async function insertNoticeAttachment(db: Db, attachment: Omit<NoticeAttachmentRow, 'id'>): Promise<number> {
  const { id } = await db.insertInto('notice_attachments').values(attachment).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function listNoticeAttachments(db: Db, noticeId: number) {
  return db
    .selectFrom('notice_attachments')
    .select(['id', 'filename', 'media_type', 'size'])
    .where('notice_id', '=', noticeId)
    .orderBy('id')
    .execute();
}

export async function findNoticeAttachment(
  db: Db,
  noticeId: number,
  id: number
): Promise<NoticeAttachmentRow | undefined> {
  return db
    .selectFrom('notice_attachments')
    .selectAll()
    .where('notice_id', '=', noticeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findUserDisplayName(db: Db, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const row = await db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst();
  return row?.display_name ?? null;
}

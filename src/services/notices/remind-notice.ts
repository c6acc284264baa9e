import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { insertNoticeReminder, remindUnreadUnits } from '../../db/repositories/notice.repository.js';
import type { NoticeReminded } from '../../shared/api/notices.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { loadVisibleNotice } from './notice-access.js';

/** 提醒未读单位: every recipient that has not confirmed is marked reminded; the units see it on their notice. */
export async function remindUnreadNoticeUnits(
  db: Kysely<Database>,
  user: ActingUser,
  noticeId: number,
  now: Date
): Promise<NoticeReminded> {
  requireRole(user, ['editor'], '提醒未读单位');
  const { notice } = await loadVisibleNotice(db, user, noticeId, now);
  if (notice.posted_at === null) throw new ServiceError('conflict', '通知尚未发布，不能提醒');
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const unitIds = await remindUnreadUnits(trx, noticeId, user.id, at);
    if (unitIds.length === 0) throw new ServiceError('conflict', '所有单位均已确认阅读，无需提醒');
    await insertNoticeReminder(trx, { notice_id: noticeId, at, actor_id: user.id, unit_count: unitIds.length });
    await appendAudit(
      trx,
      user,
      {
        action: 'remind_notice',
        objectType: 'notice',
        objectId: noticeId,
        outcome: 'ok',
        after: { unit_ids: unitIds, at },
      },
      now
    );
    return { remindedAt: at, unitCount: unitIds.length };
  });
}

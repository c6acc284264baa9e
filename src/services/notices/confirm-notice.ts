import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { confirmNoticeRead, findNoticeUnit } from '../../db/repositories/notice.repository.js';
import type { NoticeRead } from '../../shared/api/notices.js';
import { UNIT_ROLES } from '../../shared/roles.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { loadVisibleNotice } from './notice-access.js';

/**
 * 确认已阅: any of the unit's people confirms for the unit, once. A second confirmation (another
 * person of the unit, a double click) changes nothing and answers the confirmation that stands.
 */
export async function confirmNoticeReading(
  db: Kysely<Database>,
  user: ActingUser,
  noticeId: number,
  now: Date
): Promise<NoticeRead> {
  requireRole(user, UNIT_ROLES, '确认阅读通知');
  await loadVisibleNotice(db, user, noticeId, now);
  const unitId = user.unitId!;
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    if (await confirmNoticeRead(trx, noticeId, unitId, user.id, at))
      await appendAudit(
        trx,
        user,
        {
          action: 'confirm_notice_read',
          objectType: 'notice',
          objectId: noticeId,
          outcome: 'ok',
          after: { unit_id: unitId, read_at: at },
        },
        now
      );
    const row = await findNoticeUnit(trx, noticeId, unitId);
    if (!row?.read_at) throw new ServiceError('not_found', '通知不存在');
    return { readAt: row.read_at, readBy: row.read_by ?? '' };
  });
}

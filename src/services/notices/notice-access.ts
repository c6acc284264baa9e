import type { Kysely } from 'kysely';
import { canSeeNotice } from '../../domain/notice-access.js';
import type { Database } from '../../db/database.js';
import { findNotice, listNoticeUnitIds } from '../../db/repositories/notice.repository.js';
import type { NoticeRow } from '../../db/tables/notice.table.js';
import type { ActingUser } from '../acting-user.js';
import { denyAsNotFound } from '../audit/deny-as-not-found.js';
import { ServiceError } from '../service-error.js';

/**
 * A notice the user may read, with its recipient units. Another unit's notice answers as if it did
 * not exist (404), and the attempt is audited like every other denial.
 */
export async function loadVisibleNotice(
  db: Kysely<Database>,
  user: ActingUser,
  noticeId: number,
  now: Date
): Promise<{ notice: NoticeRow; unitIds: number[] }> {
  const notice = await findNotice(db, noticeId);
  if (!notice) throw new ServiceError('not_found', '通知不存在');
  const unitIds = await listNoticeUnitIds(db, noticeId);
  if (!canSeeNotice(user, { posted: notice.posted_at !== null, unitIds }))
    return denyAsNotFound(
      db,
      user,
      { objectType: 'notice', objectId: noticeId, reason: 'not_addressed_to_unit' },
      '通知不存在',
      now
    );
  return { notice, unitIds };
}

import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import {
  findNoticeAttachment,
  insertNoticeAttachment,
  listNoticeAttachments,
} from '../../db/repositories/notice.repository.js';
import type { NoticeAttachmentRow } from '../../db/tables/notice.table.js';
import { checkUploadedAttachment } from '../check-upload.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { loadVisibleNotice } from './notice-access.js';

/** Enough for a notice with its forms and a meeting's agenda; more belongs in a second notice. */
export const MAX_NOTICE_ATTACHMENTS = 10;

const FILE_FIELD = { field: 'file', label: '附件' };

/** The editor attaches a Word, PDF or image file to a draft notice; checked by content as item attachments are. */
export async function addNoticeAttachment(
  db: Kysely<Database>,
  user: ActingUser,
  noticeId: number,
  file: { name: string; data: Buffer },
  now: Date
): Promise<{ id: number }> {
  requireRole(user, ['editor'], '上传通知附件');
  const { notice } = await loadVisibleNotice(db, user, noticeId, now);
  if (notice.posted_at !== null) throw new ServiceError('conflict', '通知已发布，不能再添加附件；如需补充请另发通知');
  if ((await listNoticeAttachments(db, noticeId)).length >= MAX_NOTICE_ATTACHMENTS)
    throw new ServiceError('invalid', `一条通知最多 ${MAX_NOTICE_ATTACHMENTS} 个附件`, FILE_FIELD);
  const checked = await checkUploadedAttachment(file.name, file.data);
  return db.transaction().execute(async (trx) => {
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const id = await insertNoticeAttachment(trx, {
      notice_id: noticeId,
      filename: checked.fileName,
      media_type: checked.mediaType,
      size: file.data.length,
      sha256,
      content: file.data,
      created_by: user.id,
      created_at: now.toISOString(),
    });
    await appendAudit(
      trx,
      user,
      {
        action: 'add_notice_attachment',
        objectType: 'notice_attachment',
        objectId: id,
        outcome: 'ok',
        after: { notice_id: noticeId, filename: checked.fileName, size: file.data.length, sha256 },
      },
      now
    );
    return { id };
  });
}

/** An attachment of a notice the user may read (its units and the district office). */
export async function readNoticeAttachment(
  db: Kysely<Database>,
  user: ActingUser,
  noticeId: number,
  attachmentId: number,
  now: Date
): Promise<NoticeAttachmentRow> {
  await loadVisibleNotice(db, user, noticeId, now);
  const attachment = await findNoticeAttachment(db, noticeId, attachmentId);
  if (!attachment) throw new ServiceError('not_found', '附件不存在');
  return attachment;
}

import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { EDITABLE_STATUSES } from '../../domain/item-workflow.js';
import type { Database } from '../../db/database.js';
import { wordPackageProblem } from '../../files/word-package.js';
import { docxPreviewHtml } from '../../files/docx-preview.js';
import {
  deleteAttachment,
  findAttachment,
  insertAttachment,
  insertItemEvent,
} from '../../db/repositories/item.repository.js';
import type { AttachmentRow } from '../../db/tables/attachment.table.js';
import { ATTACHMENT_TYPES, type ItemStatus } from '../../shared/item-fields.js';
import { appendAudit } from '../audit/append-audit.js';
import { ServiceError } from '../service-error.js';
import { checkUploadedAttachment } from '../check-upload.js';
import { loadVisibleItem } from './item-access.js';
import { requireRole, type ActingUser } from '../acting-user.js';

/** 信息员 attaches a Word, PDF or image file to a draft; its type is checked by content. */
export async function addAttachment(
  db: Kysely<Database>,
  user: ActingUser,
  itemId: number,
  file: { name: string; data: Buffer },
  now: Date
): Promise<{ id: number }> {
  const item = await loadVisibleItem(db, user, itemId, now);
  requireRole(user, ['officer'], '上传附件');
  if (!EDITABLE_STATUSES.includes(item.status as ItemStatus))
    throw new ServiceError('conflict', '稿件已提交，不能再添加附件');
  const checked = await checkUploadedAttachment(file.name, file.data);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const id = await insertAttachment(trx, {
      item_id: itemId,
      filename: checked.fileName,
      media_type: checked.mediaType,
      size: file.data.length,
      sha256,
      content: file.data,
      created_by: user.id,
      created_at: at,
    });
    await insertItemEvent(trx, {
      item_id: itemId,
      at,
      actor_id: user.id,
      actor: user.displayName,
      action: 'attach',
      from_status: item.status,
      to_status: item.status,
      comment: checked.fileName,
    });
    await appendAudit(
      trx,
      user,
      {
        action: 'add_attachment',
        objectType: 'attachment',
        objectId: id,
        outcome: 'ok',
        after: { item_id: itemId, filename: checked.fileName, size: file.data.length, sha256 },
      },
      now
    );
    return { id };
  });
}

/** An attachment of an item the user may see. */
export async function readAttachment(
  db: Kysely<Database>,
  user: ActingUser,
  itemId: number,
  attachmentId: number,
  now: Date
): Promise<AttachmentRow> {
  await loadVisibleItem(db, user, itemId, now);
  const attachment = await findAttachment(db, itemId, attachmentId);
  if (!attachment) throw new ServiceError('not_found', '附件不存在');
  return attachment;
}

export async function removeAttachment(
  db: Kysely<Database>,
  user: ActingUser,
  itemId: number,
  attachmentId: number,
  now: Date
): Promise<void> {
  const item = await loadVisibleItem(db, user, itemId, now);
  requireRole(user, ['officer'], '删除附件');
  if (!EDITABLE_STATUSES.includes(item.status as ItemStatus))
    throw new ServiceError('conflict', '稿件已提交，不能删除附件');
  await db.transaction().execute(async (trx) => {
    if (!(await deleteAttachment(trx, itemId, attachmentId))) throw new ServiceError('not_found', '附件不存在');
    await insertItemEvent(trx, {
      item_id: itemId,
      at: now.toISOString(),
      actor_id: user.id,
      actor: user.displayName,
      action: 'detach',
      from_status: item.status,
      to_status: item.status,
      comment: String(attachmentId),
    });
    await appendAudit(
      trx,
      user,
      {
        action: 'remove_attachment',
        objectType: 'attachment',
        objectId: attachmentId,
        outcome: 'ok',
        before: { item_id: itemId },
      },
      now
    );
  });
}

/**
 * A Word (.docx) attachment as sanitised HTML, for reading on the item page. Checked as a Word
 * package again before it is opened, so nothing stored before the checks existed is read blind.
 */
export async function previewAttachment(
  db: Kysely<Database>,
  user: ActingUser,
  itemId: number,
  attachmentId: number,
  now: Date
): Promise<{ html: string }> {
  const attachment = await readAttachment(db, user, itemId, attachmentId, now);
  if (attachment.media_type !== ATTACHMENT_TYPES.docx)
    throw new ServiceError('invalid', '只有 Word（.docx）附件可以在页面上预览，其他附件请下载查看');
  const content = Buffer.from(attachment.content);
  const problem = await wordPackageProblem(content);
  if (problem) throw new ServiceError('invalid', `附件无法预览：${problem.problem}`);
  return { html: await docxPreviewHtml(content) };
}

import { checkAttachment } from '../../domain/attachment-type.js';
import { isItemDocumentName, readMailItem, type MailItem } from '../../domain/mail-item.js';
import { wordPackageProblem } from '../../files/word-package.js';
import type { MailMessage } from '../../files/mail-message.js';

/** An attachment that passed the same checks as an upload. */
export interface CheckedMailAttachment {
  fileName: string;
  mediaType: string;
  data: Buffer;
}

export interface MailLimits {
  maxMessageBytes: number;
  maxAttachmentBytes: number;
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** The longest title an item takes (the item form's limit). */
const MAX_TITLE = 200;

/**
 * Reads the item out of a decoded message and checks its attachments like uploads (type by
 * content, name agreeing, Word packages opened within limits). Answers the quarantine reason
 * when the message cannot become exactly one item.
 */
export async function checkMailContent(
  message: MailMessage,
  limits: MailLimits
): Promise<{ item: MailItem; attachments: CheckedMailAttachment[] } | { reason: string }> {
  const item = readMailItem({ subject: message.subject, text: message.text });
  if ('refusal' in item) return { reason: item.refusal };
  if ([...item.title].length > MAX_TITLE) return { reason: `标题超过 ${MAX_TITLE} 字` };

  const documents = message.attachments.filter((a) => isItemDocumentName(a.name));
  const words = message.attachments.filter((a) => /\.docx?$/i.test(a.name));
  if (documents.length >= 2)
    return { reason: `一封邮件只能报送1条信息：附有 ${documents.length} 份标注（政务信息）的稿件文档` };
  // Without a text, Word files are the items themselves: two of them are two items.
  if (item.body === '' && words.length >= 2)
    return { reason: `一封邮件只能报送1条信息：正文为空，附有 ${words.length} 份 Word 稿件` };

  const attachments: CheckedMailAttachment[] = [];
  for (const attachment of message.attachments) {
    if (attachment.data.length > limits.maxAttachmentBytes)
      return {
        reason: `附件“${attachment.name}”超过 ${megabytes(limits.maxAttachmentBytes)} MB`,
      };
    const checked = checkAttachment(attachment.name, attachment.data);
    if ('refusal' in checked) return { reason: `附件被拒收：${checked.refusal}` };
    if (checked.extension === 'docx') {
      const problem = await wordPackageProblem(attachment.data);
      if (problem) return { reason: `附件被拒收：附件“${checked.fileName}”${problem.problem}` };
    }
    attachments.push({ fileName: checked.fileName, mediaType: checked.mediaType, data: attachment.data });
  }
  return { item, attachments };
}

/** The quarantine reason of a message over the size limit. */
export function oversizeReason(size: number, limits: MailLimits): string | undefined {
  return size > limits.maxMessageBytes ? `邮件超过 ${megabytes(limits.maxMessageBytes)} MB 的大小限制` : undefined;
}

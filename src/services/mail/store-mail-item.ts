import { createHash } from 'node:crypto';
import { todayInChina } from '../../domain/dates.js';
import type { MailItem } from '../../domain/mail-item.js';
import type { Db } from '../../db/database.js';
import { insertAttachment, insertItemEvent, insertWebItem } from '../../db/repositories/item.repository.js';
import type { Actor } from '../audit/append-audit.js';
import type { CheckedMailAttachment } from './mail-content.js';

/** Who takes mail in: an editor on the pages, or the server's operator on the command line. */
export interface MailActor extends Actor {
  displayName: string;
}

/** The note the editor reads in the item's history: where it came from and what the unit left out. */
export function intakeNote(sender: string, item: MailItem): string {
  const notes = [`邮件报送，发件人 ${sender}`];
  if (!item.titleMarked) notes.push('标题未注明（政务信息）');
  if (item.body === '') notes.push('邮件没有正文');
  if (item.missing.length > 0) notes.push(`缺少要素：${item.missing.join('、')}`);
  if (item.date) notes.push(`所署日期 ${item.date}`);
  if (item.unitName) notes.push(`所署单位 ${item.unitName}`);
  if (item.isMajor) notes.push('重大或敏感信息：须另附书面稿件报送');
  return notes.join('；');
}

/**
 * Writes a mail item as received by the district, with its attachments and history, inside the
 * caller's transaction. `sentOn` is the message's date (China time), never later than today.
 */
export async function storeMailItem(
  trx: Db,
  actor: MailActor,
  input: { unitId: number; sender: string; item: MailItem; attachments: CheckedMailAttachment[]; sentAt: Date | null },
  now: Date
): Promise<number> {
  const at = now.toISOString();
  const today = todayInChina(now);
  const sentOn = input.sentAt ? todayInChina(input.sentAt) : today;
  const { item } = input;
  const clip = (value: string | null, length: number) => (value === null ? null : [...value].slice(0, length).join(''));
  const id = await insertWebItem(trx, {
    unit_id: input.unitId,
    title: item.title,
    body: item.body === '' ? null : item.body,
    category: null,
    submitted: sentOn > today ? today : sentOn,
    status: 'received',
    origin: 'mail',
    signer: clip(item.signer, 50),
    reporter: clip(item.reporter, 50),
    phone: clip(item.phone, 40),
    is_public: Number(item.isPublic),
    is_major: Number(item.isMajor),
    source: null,
    sent_at: at,
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  });
  await insertItemEvent(trx, {
    item_id: id,
    at,
    actor_id: actor.id,
    actor: actor.displayName,
    action: 'mail_intake',
    from_status: null,
    to_status: 'received',
    comment: intakeNote(input.sender, item),
  });
  for (const file of input.attachments) {
    await insertAttachment(trx, {
      item_id: id,
      filename: file.fileName,
      media_type: file.mediaType,
      size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      content: file.data,
      created_by: actor.id,
      created_at: at,
    });
  }
  return id;
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import {
  decideMailMessage,
  findMailMessageById,
  listMailMessages,
  type MailMessageListRow,
} from '../../db/repositories/mail.repository.js';
import { findUnitById } from '../../db/repositories/unit-lookup.repository.js';
import { readMailMessage } from '../../files/mail-message.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { checkMailContent, type MailLimits } from './mail-content.js';
import { storeMailItem } from './store-mail-item.js';

/** 隔离区: the messages waiting for the editor's decision, newest first. */
export async function listQuarantine(
  db: Kysely<Database>,
  user: ActingUser,
  status: 'quarantined' | 'rejected',
  page: number,
  pageSize: number
): Promise<{ rows: MailMessageListRow[]; total: number }> {
  requireRole(user, ['editor'], '查看隔离区');
  return listMailMessages(db, status, page, pageSize);
}

async function loadQuarantined(db: Kysely<Database>, id: number, version: number) {
  const message = await findMailMessageById(db, id);
  if (!message) throw new ServiceError('not_found', '隔离邮件不存在');
  if (message.status !== 'quarantined') throw new ServiceError('conflict', '该邮件已处理，请刷新后重试');
  if (message.version !== version)
    throw new ServiceError('conflict', '该邮件已被他人处理，请刷新后重试', { currentVersion: message.version });
  return message;
}

/**
 * 指定单位并导入: the editor assigns a quarantined message to a unit (an unknown sender, an address
 * registered in several units) and imports it as a received item. The message's content is checked
 * again as at intake: one that is not one acceptable item can only be rejected.
 */
export async function importQuarantined(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  input: { version: number; unitId: number },
  limits: MailLimits,
  now: Date
): Promise<{ item: number; unit: string; title: string }> {
  requireRole(user, ['editor'], '导入隔离邮件');
  const message = await loadQuarantined(db, id, input.version);
  const unit = await findUnitById(db, input.unitId);
  if (!unit) throw new ServiceError('invalid', '单位不存在', { field: 'unitId', label: '单位' });
  if (!message.content) throw new ServiceError('conflict', '该邮件超过大小限制，未保存原文，只能退回');
  const parsed = await readMailMessage(Buffer.from(message.content));
  if ('problem' in parsed) throw new ServiceError('conflict', `${parsed.problem}，只能退回`);
  const checked = await checkMailContent(parsed, limits);
  if ('reason' in checked) throw new ServiceError('conflict', `${checked.reason}，只能退回`);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const itemId = await storeMailItem(
      trx,
      user,
      {
        unitId: unit.id,
        sender: parsed.from,
        item: checked.item,
        attachments: checked.attachments,
        sentAt: parsed.date,
      },
      now
    );
    const decided = await decideMailMessage(trx, id, input.version, {
      status: 'imported',
      decided_at: at,
      decided_by: user.id,
      decision_reason: null,
      item_id: itemId,
      unit_id: unit.id,
    });
    if (!decided) throw new ServiceError('conflict', '该邮件已被他人处理，请刷新后重试');
    await appendAudit(
      trx,
      user,
      {
        action: 'mail_quarantine_import',
        objectType: 'mail_message',
        objectId: id,
        outcome: 'ok',
        before: { status: 'quarantined', reason: message.reason },
        after: { status: 'imported', item_id: itemId, unit_id: unit.id, title: checked.item.title },
      },
      now
    );
    return { item: itemId, unit: unit.name, title: checked.item.title };
  });
}

/** 退回: the editor rejects a quarantined message with a reason; it is kept, with its content. */
export async function rejectQuarantined(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  input: { version: number; reason: string },
  now: Date
): Promise<void> {
  requireRole(user, ['editor'], '退回隔离邮件');
  const reason = input.reason.trim();
  if (reason === '') throw new ServiceError('invalid', '请填写退回理由', { field: 'reason', label: '退回理由' });
  const message = await loadQuarantined(db, id, input.version);
  await db.transaction().execute(async (trx) => {
    const decided = await decideMailMessage(trx, id, input.version, {
      status: 'rejected',
      decided_at: now.toISOString(),
      decided_by: user.id,
      decision_reason: reason,
      item_id: null,
      unit_id: message.unit_id,
    });
    if (!decided) throw new ServiceError('conflict', '该邮件已被他人处理，请刷新后重试');
    await appendAudit(
      trx,
      user,
      {
        action: 'mail_quarantine_reject',
        objectType: 'mail_message',
        objectId: id,
        outcome: 'ok',
        before: { status: 'quarantined', reason: message.reason },
        after: { status: 'rejected', decision_reason: reason },
      },
      now
    );
  });
}

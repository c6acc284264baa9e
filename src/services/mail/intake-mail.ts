import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { todayInChina } from '../../domain/dates.js';
import type { Database } from '../../db/database.js';
import { findMailMessage, insertMailMessage, unitsByContactEmail } from '../../db/repositories/mail.repository.js';
import { readMailMessage, type MailMessage } from '../../files/mail-message.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { checkMailContent, oversizeReason, type MailLimits } from './mail-content.js';
import { storeMailItem, type MailActor } from './store-mail-item.js';
import { notifyMailQuarantined } from '../notifications/notify-events.js';
import { isUniqueViolation } from '../../db/unique-violation.js';

export interface IntakeFile {
  /** The file's name, as given (a path on the command line, the upload's name on the pages). */
  name: string;
  /** The bytes; empty when the file was over the size limit and not kept (an upload read as a stream). */
  data: Buffer;
  /** The file's size and SHA-256 when `data` is not all of it. */
  size?: number;
  sha256?: string;
}

/** The answer of `govinfo intake --json` and of the upload (spec: ledger-and-cli.md, intake). */
export interface IntakeOutcome {
  accepted: { file: string; item: number; unit: string; title: string }[];
  quarantined: { file: string; reason: string }[];
}

/** The prefix of the reason a message taken in before is reported with; it is not stored again. */
export const DUPLICATE_REASON = '重复邮件';

const STATUS_NAMES: Record<string, string> = { imported: '导入为稿件', quarantined: '放入隔离区', rejected: '退回' };

/**
 * Takes mail messages in, each in its own transaction: a message becomes an item received by the
 * district for the unit whose current registration carries the sender's address, or goes to
 * quarantine with the reason. A message taken in before (same content or Message-ID) is
 * reported as a duplicate and stored nothing. Every outcome is audited.
 */
export async function intakeMail(
  db: Kysely<Database>,
  actor: MailActor,
  files: readonly IntakeFile[],
  limits: MailLimits,
  now: Date
): Promise<IntakeOutcome> {
  const outcome: IntakeOutcome = { accepted: [], quarantined: [] };
  for (const file of files) {
    const result = await intakeOne(db, actor, file, limits, now);
    if ('item' in result) outcome.accepted.push({ file: file.name, ...result });
    else outcome.quarantined.push({ file: file.name, reason: result.reason });
  }
  return outcome;
}

/** 邮件报送 uploaded on the inbox page: the editor's. */
export async function intakeMailAsEditor(
  db: Kysely<Database>,
  user: ActingUser,
  files: readonly IntakeFile[],
  limits: MailLimits,
  now: Date
): Promise<IntakeOutcome> {
  requireRole(user, ['editor'], '导入报送邮件');
  return intakeMail(db, user, files, limits, now);
}

type OneOutcome = { item: number; unit: string; title: string } | { reason: string };

async function intakeOne(
  db: Kysely<Database>,
  actor: MailActor,
  file: IntakeFile,
  limits: MailLimits,
  now: Date
): Promise<OneOutcome> {
  const sha256 = file.sha256 ?? createHash('sha256').update(file.data).digest('hex');
  const size = file.size ?? file.data.length;
  const oversize = oversizeReason(size, limits);
  const message: MailMessage | { problem: string } = oversize
    ? { problem: oversize }
    : await readMailMessage(file.data);
  const messageId = 'problem' in message ? null : message.messageId;

  const earlier = await findMailMessage(db, sha256, messageId);
  if (earlier) return duplicate(db, actor, file, sha256, earlier, now);

  const base = {
    sha256,
    message_id: messageId,
    file_name: [...file.name].slice(-200).join(''),
    size,
    received_at: now.toISOString(),
    received_by: actor.id,
  };
  if ('problem' in message)
    return quarantine(
      db,
      actor,
      { ...base, sender: null, subject: null, content: oversize ? null : file.data },
      message.problem,
      now
    );
  const headers = { sender: message.from, subject: [...message.subject].slice(0, 500).join('') };
  const checked = await checkMailContent(message, limits);
  if ('reason' in checked)
    return quarantine(db, actor, { ...base, ...headers, content: file.data }, checked.reason, now);
  const units = await unitsByContactEmail(db, message.from, todayInChina(now));
  if (units.length !== 1) {
    const reason =
      units.length === 0
        ? `发件人 ${message.from} 不是任何单位在册人员（信息员登记备案）的邮箱`
        : `发件人 ${message.from} 登记在多个单位（${units.map((u) => u.name).join('、')}），请指定单位`;
    return quarantine(db, actor, { ...base, ...headers, content: file.data }, reason, now);
  }
  const [unit] = units;
  return racing(db, actor, file, sha256, messageId, now, async () =>
    db.transaction().execute(async (trx) => {
      const itemId = await storeMailItem(
        trx,
        actor,
        {
          unitId: unit.id,
          sender: message.from,
          item: checked.item,
          attachments: checked.attachments,
          sentAt: message.date,
        },
        now
      );
      const id = await insertMailMessage(trx, {
        ...base,
        ...headers,
        content: null,
        status: 'imported',
        reason: null,
        item_id: itemId,
        unit_id: unit.id,
      });
      await appendAudit(
        trx,
        actor,
        {
          action: 'mail_intake',
          objectType: 'mail_message',
          objectId: id,
          outcome: 'ok',
          after: {
            file: file.name,
            sha256,
            message_id: messageId,
            sender: message.from,
            item_id: itemId,
            unit_id: unit.id,
            title: checked.item.title,
            attachments: checked.attachments.map((a) => a.fileName),
            missing: checked.item.missing,
          },
        },
        now
      );
      return { item: itemId, unit: unit.name, title: checked.item.title };
    })
  );
}

type QuarantineRow = Parameters<typeof insertMailMessage>[1];

async function quarantine(
  db: Kysely<Database>,
  actor: MailActor,
  row: Omit<QuarantineRow, 'status' | 'reason'>,
  reason: string,
  now: Date
): Promise<OneOutcome> {
  const file = { name: row.file_name, data: Buffer.alloc(0) };
  return racing(db, actor, file, row.sha256, row.message_id ?? null, now, async () =>
    db.transaction().execute(async (trx) => {
      const id = await insertMailMessage(trx, { ...row, status: 'quarantined', reason });
      await appendAudit(
        trx,
        actor,
        {
          action: 'mail_quarantine',
          objectType: 'mail_message',
          objectId: id,
          outcome: 'ok',
          after: { file: row.file_name, sha256: row.sha256, message_id: row.message_id, sender: row.sender, reason },
        },
        now
      );
      await notifyMailQuarantined(trx, { id, sender: row.sender ?? null, subject: row.subject ?? null, reason }, now);
      return { reason };
    })
  );
}

/** Another intake stored the same message between our check and our insert: a duplicate after all. */
async function racing(
  db: Kysely<Database>,
  actor: MailActor,
  file: IntakeFile,
  sha256: string,
  messageId: string | null,
  now: Date,
  write: () => Promise<OneOutcome>
): Promise<OneOutcome> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const earlier = await findMailMessage(db, sha256, messageId);
    if (!earlier) throw error;
    return duplicate(db, actor, file, sha256, earlier, now);
  }
}

async function duplicate(
  db: Kysely<Database>,
  actor: MailActor,
  file: IntakeFile,
  sha256: string,
  earlier: NonNullable<Awaited<ReturnType<typeof findMailMessage>>>,
  now: Date
): Promise<OneOutcome> {
  const when = earlier.received_at.slice(0, 10);
  const what = earlier.item_id !== null ? `导入为稿件（编号 ${earlier.item_id}）` : STATUS_NAMES[earlier.status];
  const reason = `${DUPLICATE_REASON}：该邮件已于 ${when} ${what}，未再次导入`;
  await appendAudit(
    db,
    actor,
    {
      action: 'mail_intake_duplicate',
      objectType: 'mail_message',
      objectId: earlier.id,
      outcome: 'ok',
      after: { file: file.name, sha256 },
    },
    now
  );
  return { reason };
}

import type { Kysely } from 'kysely';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../domain/notifications.js';
import type { Database } from '../../db/database.js';
import {
  countOutboxByStatus,
  findOutboxMessage,
  listOutboxPage,
  requeueFailedMessage,
} from '../../db/repositories/mail-outbox.repository.js';
import { listUnitNames } from '../../db/repositories/unit-lookup.repository.js';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../shared/notification-kinds.js';
import type { OutboxPage } from '../../shared/api/outbox.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { defaultFromAddress } from './smtp-transport.js';

/**
 * 邮件发送: the system administrator's view of the outbox — whether SMTP is configured, how many
 * messages wait, were sent or failed, and a page of them, newest first.
 */
export async function listOutbox(
  db: Kysely<Database>,
  user: ActingUser,
  mail: { smtpUrl: string | null; from: string | null } | undefined,
  options: { status?: OutboxStatus; page: number; pageSize: number }
): Promise<OutboxPage> {
  requireRole(user, ['sys_admin'], '查看邮件发送情况');
  const [counted, { rows, total }, units] = await Promise.all([
    countOutboxByStatus(db),
    listOutboxPage(db, {
      status: options.status,
      offset: (options.page - 1) * options.pageSize,
      limit: options.pageSize,
    }),
    listUnitNames(db),
  ]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const counts = { pending: 0, sent: 0, failed: 0 };
  for (const { status, count } of counted) if (status in counts) counts[status as OutboxStatus] = count;
  const smtpUrl = mail?.smtpUrl ?? null;
  return {
    configured: smtpUrl !== null,
    from: smtpUrl === null ? null : mail?.from || defaultFromAddress(smtpUrl),
    counts,
    rows: rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      kind: r.kind,
      kindName: NOTIFICATION_KINDS[r.kind as NotificationKind] ?? r.kind,
      recipient: r.recipient_email,
      recipientName: r.recipient_name,
      unit: r.unit_id === null ? null : (names.get(r.unit_id) ?? null),
      subject: r.subject,
      status: r.status,
      statusName: OUTBOX_STATUSES[r.status as OutboxStatus] ?? r.status,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
      lastError: r.last_error,
      sentAt: r.sent_at,
    })),
    total,
    page: options.page,
    pageSize: options.pageSize,
  };
}

/** 重新发送: puts a failed message back in the queue, due at once; audited. */
export async function retryOutboxMessage(db: Kysely<Database>, user: ActingUser, id: number, now: Date): Promise<void> {
  requireRole(user, ['sys_admin'], '重新发送邮件');
  const message = await findOutboxMessage(db, id);
  if (!message) throw new ServiceError('not_found', '邮件不存在');
  if (message.status !== 'failed') throw new ServiceError('conflict', '只有发送失败的邮件可以重新发送，请刷新后重试');
  await db.transaction().execute(async (trx) => {
    if (!(await requeueFailedMessage(trx, id, now.toISOString())))
      throw new ServiceError('conflict', '只有发送失败的邮件可以重新发送，请刷新后重试');
    await appendAudit(
      trx,
      user,
      {
        action: 'retry_mail',
        objectType: 'mail_outbox',
        objectId: id,
        outcome: 'ok',
        before: { status: message.status, attempts: message.attempts, last_error: message.last_error },
        after: { status: 'pending', recipient: message.recipient_email, subject: message.subject },
      },
      now
    );
  });
}

import { nextAttemptAfterFailure, SYSTEM_NAME } from '../../domain/notifications.js';
import type { Db } from '../../db/database.js';
import {
  claimMessage,
  listDueMessages,
  markMessageFailed,
  markMessageSent,
} from '../../db/repositories/mail-outbox.repository.js';
import type { MailOutboxRow } from '../../db/tables/mail-outbox.table.js';

/** One message as handed to the SMTP server. */
export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
}

/** Sends one message or throws with the reason (nodemailer over SMTP in the server, see smtp-transport.ts). */
export type MailTransport = (mail: OutgoingMail) => Promise<void>;

export interface SendOutboxOptions {
  transport: MailTransport;
  /** GOVINFO_PUBLIC_URL: the address people open the system at; page paths are appended to it. */
  publicUrl?: string | null;
  /** At most this many messages per call. */
  batch?: number;
  now: Date;
}

/** How long a taken message is left alone before another sender may take it (a sender died mid-send). */
const LEASE_MS = 10 * 60_000;

/**
 * Sends the due messages of the outbox one by one: each is first taken (so no two senders send
 * it at once), then marked sent, or on failure tried again later with a growing wait, until it
 * is marked failed for the system administrator. Nothing is deleted. Returns what happened.
 */
export async function sendDueMail(db: Db, options: SendOutboxOptions): Promise<{ sent: number; failed: number }> {
  const at = options.now.toISOString();
  const leaseUntil = new Date(options.now.getTime() + LEASE_MS).toISOString();
  const due = await listDueMessages(db, at, options.batch ?? 50);
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    if (!(await claimMessage(db, message.id, message.next_attempt_at, leaseUntil))) continue;
    try {
      await options.transport({
        to: { name: message.recipient_name, address: message.recipient_email },
        subject: message.subject,
        text: composeText(message, options.publicUrl ?? null),
      });
      await markMessageSent(db, message.id, at);
      sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      const next = nextAttemptAfterFailure(attempts, options.now);
      await markMessageFailed(db, message.id, attempts, errorText(error), next?.toISOString() ?? null, at);
      failed++;
    }
  }
  return { sent, failed };
}

/** The stored text with the page's address (when the public address is known) and the footer. */
export function composeText(message: Pick<MailOutboxRow, 'body' | 'link_path'>, publicUrl: string | null): string {
  const base = publicUrl?.replace(/\/+$/u, '');
  const link = base && message.link_path ? `\n\n在系统中查看：${base}${message.link_path}` : '';
  const footer = `\n\n——\n本邮件由${SYSTEM_NAME}自动发送，请勿回复。如不需要此类通知，可请本单位信息员或区政府办公室调研科在“信息员登记备案”中关闭相应的“邮件通知”。\n`;
  return `${message.body}${link}${footer}`;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return [...text].slice(0, 1000).join('');
}

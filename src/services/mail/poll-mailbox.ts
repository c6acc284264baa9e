import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { mailboxActorName, mailboxLabel, type MailboxAddress } from '../../domain/mailbox-address.js';
import { MailboxError, type ConnectMailbox, type MailboxMessage, type OpenMailbox } from '../../mail/imap-mailbox.js';
import { DUPLICATE_REASON, intakeMail, type IntakeFile, type IntakeOutcome } from './intake-mail.js';
import type { MailLimits } from './mail-content.js';
import { pollCounts, recordPollStatus } from './mailbox-status.js';

/** The folder a message goes to once the system holds it (an item, or a duplicate of one taken in before). */
export const IMPORTED_FOLDER = '已导入';
/** The folder a message goes to once it is in the quarantine (隔离区) with its reason. */
export const QUARANTINE_FOLDER = '隔离';

/** The server's operator as the audit log names a poll of the mailbox: `mail:<user>@<host>`. */
export function mailboxActor(address: MailboxAddress) {
  const name = mailboxActorName(address);
  return { id: null, username: name, ip: 'local', displayName: name };
}

/**
 * Reads one message: whole when within the limit; past it, only its size, with a stand-in hash
 * naming the message in this folder (UID validity, UID, size), as an oversized upload is kept by
 * size and hash without its bytes — the same message polled again is then still a duplicate.
 */
async function readOne(
  mailbox: OpenMailbox,
  address: MailboxAddress,
  message: MailboxMessage,
  limits: MailLimits
): Promise<IntakeFile | null> {
  const name = `${address.mailbox}/UID ${message.uid}`;
  if (message.size > limits.maxMessageBytes) {
    const identity = `imap:${address.user}@${address.host}/${address.mailbox};UIDVALIDITY=${mailbox.uidValidity};UID=${message.uid};SIZE=${message.size}`;
    return {
      name,
      data: Buffer.alloc(0),
      size: message.size,
      sha256: createHash('sha256').update(identity).digest('hex'),
    };
  }
  const data = await mailbox.source(message.uid);
  return data && { name, data };
}

/**
 * Polls the district's mailbox once: every message in the configured folder is taken in
 * (`intakeMail`, which commits it before anything else happens) and only then moved to 已导入
 * or 隔离. A crash between the two leaves the message in the folder; the next poll finds it a
 * duplicate, stores nothing and moves it. Nothing is ever deleted. A failure (connection, login,
 * database) ends the poll; what was moved stays moved, the rest waits for the next poll.
 */
export async function pollMailbox(
  db: Kysely<Database>,
  address: MailboxAddress,
  connect: ConnectMailbox,
  limits: MailLimits,
  now: () => Date
): Promise<IntakeOutcome> {
  const outcome: IntakeOutcome = { accepted: [], quarantined: [] };
  const actor = mailboxActor(address);
  const mailbox = await connect(address);
  try {
    for (const message of await mailbox.list()) {
      const file = await readOne(mailbox, address, message, limits);
      if (!file) continue;
      const one = await intakeMail(db, actor, [file], limits, now());
      outcome.accepted.push(...one.accepted);
      outcome.quarantined.push(...one.quarantined);
      const isHeld = one.accepted.length > 0 || one.quarantined.some((q) => q.reason.startsWith(DUPLICATE_REASON));
      await mailbox.move(message.uid, isHeld ? IMPORTED_FOLDER : QUARANTINE_FOLDER);
    }
  } finally {
    await mailbox.close();
  }
  return outcome;
}

/** The failure as the status line shows it: a MailboxError's own words, anything else without detail. */
export function pollFailureText(error: unknown): string {
  return error instanceof MailboxError ? error.message : '收取邮件失败（服务器内部错误，详见服务日志）';
}

/**
 * One poll, its outcome or failure kept as the last poll status (the 隔离区 page's line), whoever
 * polled: the server's poller, 立即收取 or `govinfo intake --mailbox`. Rejects with the failure.
 */
export async function pollMailboxAndRecord(
  db: Kysely<Database>,
  address: MailboxAddress,
  connect: ConnectMailbox,
  limits: MailLimits,
  now: () => Date
): Promise<IntakeOutcome> {
  const mailbox = mailboxLabel(address);
  try {
    const outcome = await pollMailbox(db, address, connect, limits, now);
    await recordPollStatus(db, { at: now().toISOString(), mailbox, ...pollCounts(outcome), error: null });
    return outcome;
  } catch (error) {
    const failed = { at: now().toISOString(), mailbox, accepted: 0, quarantined: 0, duplicates: 0 };
    // The poll's own failure is what matters; a status that cannot be written (database down) must not hide it.
    await recordPollStatus(db, { ...failed, error: pollFailureText(error) }).catch(() => undefined);
    throw error;
  }
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { readSetting, writeSetting } from '../../db/repositories/setting.repository.js';
import { mailboxLabel, type MailboxAddress } from '../../domain/mailbox-address.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { DUPLICATE_REASON, type IntakeOutcome } from './intake-mail.js';

/** The setting that keeps the last poll of the mailbox, so every server process and restart shows it. */
export const MAILBOX_POLL_SETTING = 'mailbox_poll';

/** The last poll of the mailbox: when, what came of it, or why it failed. */
export interface MailboxPollStatus {
  /** ISO time the poll ended. */
  at: string;
  /** `user@host/folder`, never the password. */
  mailbox: string;
  accepted: number;
  /** Quarantined, not counting duplicates. */
  quarantined: number;
  duplicates: number;
  /** The failure in Chinese, or null when the poll went through. */
  error: string | null;
}

/** What the 隔离区 page shows of the mailbox. */
export type MailboxStatus =
  | { configured: false }
  | { configured: true; mailbox: string; intervalSeconds: number; last: MailboxPollStatus | null };

/** The counts of one poll's outcome, as the status line shows them. */
export function pollCounts(outcome: IntakeOutcome): Pick<MailboxPollStatus, 'accepted' | 'quarantined' | 'duplicates'> {
  const duplicates = outcome.quarantined.filter((q) => q.reason.startsWith(DUPLICATE_REASON)).length;
  return { accepted: outcome.accepted.length, quarantined: outcome.quarantined.length - duplicates, duplicates };
}

/** Keeps the last poll's status; a concurrent writer's newer status is simply replaced (last one wins). */
export async function recordPollStatus(db: Kysely<Database>, status: MailboxPollStatus): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await readSetting<MailboxPollStatus>(db, MAILBOX_POLL_SETTING);
    if (await writeSetting(db, MAILBOX_POLL_SETTING, status, stored?.version ?? 0)) return;
  }
}

/** 邮箱收取状态: the editor's and the system administrator's. */
export async function readMailboxStatus(
  db: Kysely<Database>,
  user: ActingUser,
  address: MailboxAddress | null | undefined
): Promise<MailboxStatus> {
  requireRole(user, ['editor', 'sys_admin'], '查看邮箱收取状态');
  if (!address) return { configured: false };
  const stored = await readSetting<MailboxPollStatus>(db, MAILBOX_POLL_SETTING);
  return {
    configured: true,
    mailbox: mailboxLabel(address),
    intervalSeconds: address.pollSeconds,
    last: stored?.value ?? null,
  };
}

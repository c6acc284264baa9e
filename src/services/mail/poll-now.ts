import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { MailboxError } from '../../mail/imap-mailbox.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import type { IntakeOutcome } from './intake-mail.js';
import { PollRunningElsewhere, type MailboxPoller } from './mailbox-poller.js';
import { pollCounts } from './mailbox-status.js';

/**
 * 立即收取: the editor polls the mailbox now rather than wait for the next round. The messages
 * are taken in as the mailbox's (as a background poll does); the request itself is audited as
 * the editor's, with its counts or its failure.
 */
export async function pollMailboxAsEditor(
  db: Kysely<Database>,
  user: ActingUser,
  poller: MailboxPoller | null,
  now: Date
): Promise<IntakeOutcome> {
  requireRole(user, ['editor'], '收取邮箱');
  if (!poller) throw new ServiceError('invalid', '未配置报送邮箱（GOVINFO_IMAP_URL），无法收取');
  try {
    const outcome = await poller.poll();
    await appendAudit(
      db,
      user,
      { action: 'mail_poll', objectType: 'mailbox', outcome: 'ok', after: pollCounts(outcome) },
      now
    );
    return outcome;
  } catch (error) {
    if (error instanceof PollRunningElsewhere) throw new ServiceError('conflict', error.message);
    if (!(error instanceof MailboxError)) throw error;
    await appendAudit(
      db,
      user,
      { action: 'mail_poll', objectType: 'mailbox', outcome: 'failed', after: { error: error.message } },
      now
    );
    throw new ServiceError('conflict', error.message).audited();
  }
}

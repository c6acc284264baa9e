import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { mailboxLabel, type MailboxAddress } from '../../domain/mailbox-address.js';
import { MailboxError, type ConnectMailbox } from '../../mail/imap-mailbox.js';
import type { IntakeOutcome } from './intake-mail.js';
import type { MailLimits } from './mail-content.js';
import { pollCounts, recordPollStatus } from './mailbox-status.js';
import { pollMailbox } from './poll-mailbox.js';

export interface MailboxPollerOptions {
  db: Kysely<Database>;
  address: MailboxAddress;
  connect: ConnectMailbox;
  limits: () => MailLimits;
  now: () => Date;
  /** Where a failed background poll is reported (the server's log); the text never holds the password. */
  onError: (message: string, error: unknown) => void;
}

/** The failure as the status line shows it: a MailboxError's own words, anything else without detail. */
function failureText(error: unknown): string {
  return error instanceof MailboxError ? error.message : '收取邮件失败（服务器内部错误，详见服务日志）';
}

/**
 * Polls the mailbox at start and then every `pollSeconds` after the previous poll ended, one
 * poll at a time: 立即收取 waits for a running poll and then polls again. Every poll's outcome
 * or failure is kept as the last poll status.
 */
export class MailboxPoller {
  private running: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private isStopped = false;

  constructor(private readonly options: MailboxPollerOptions) {}

  /** One poll now, then one every interval until stopped. */
  start(): void {
    const cycle = () => {
      void this.poll()
        .catch((error: unknown) =>
          this.options.onError(`${mailboxLabel(this.options.address)}：${failureText(error)}`, error)
        )
        .finally(() => {
          if (!this.isStopped) this.timer = setTimeout(cycle, this.options.address.pollSeconds * 1000).unref();
        });
    };
    cycle();
  }

  /** Polls once, after any running poll; rejects with the failure (a MailboxError for the mailbox's own). */
  poll(): Promise<IntakeOutcome> {
    const run = this.running.then(() => this.pollOnce());
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Stops polling; resolves when a running poll has ended. */
  async stop(): Promise<void> {
    this.isStopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async pollOnce(): Promise<IntakeOutcome> {
    const { db, address, connect, limits, now } = this.options;
    const mailbox = mailboxLabel(address);
    try {
      const outcome = await pollMailbox(db, address, connect, limits(), now);
      await recordPollStatus(db, { at: now().toISOString(), mailbox, ...pollCounts(outcome), error: null });
      return outcome;
    } catch (error) {
      const status = { at: now().toISOString(), mailbox, accepted: 0, quarantined: 0, duplicates: 0 };
      await recordPollStatus(db, { ...status, error: failureText(error) }).catch(() => undefined);
      throw error;
    }
  }
}

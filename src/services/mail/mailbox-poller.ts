import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { mailboxLabel, type MailboxAddress } from '../../domain/mailbox-address.js';
import type { ConnectMailbox } from '../../mail/imap-mailbox.js';
import type { IntakeOutcome } from './intake-mail.js';
import type { MailLimits } from './mail-content.js';
import { pollFailureText, pollMailboxAndRecord } from './poll-mailbox.js';

export interface MailboxPollerOptions {
  db: Kysely<Database>;
  address: MailboxAddress;
  connect: ConnectMailbox;
  limits: () => MailLimits;
  now: () => Date;
  /** Where a failed background poll is reported (the server's log); the text never holds the password. */
  onError: (message: string, error: unknown) => void;
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
          this.options.onError(`${mailboxLabel(this.options.address)}：${pollFailureText(error)}`, error)
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

  private pollOnce(): Promise<IntakeOutcome> {
    const { db, address, connect, limits, now } = this.options;
    return pollMailboxAndRecord(db, address, connect, limits(), now);
  }
}

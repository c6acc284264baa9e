import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { mailboxLabel, type MailboxAddress } from '../../domain/mailbox-address.js';
import type { ConnectMailbox } from '../../mail/imap-mailbox.js';
import { runExclusively } from '../jobs/run-exclusively.js';
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
  /** The poll's lease time (GOVINFO_JOB_LEASE_S); the default of runExclusively when absent. */
  leaseMs?: number;
}

/** The lease of a poll under way: one poll of the mailbox at a time across server processes. */
export const MAILBOX_POLL_JOB = 'mailbox-poll';
/** The lease of the schedule: one background poll per interval across server processes. */
export const MAILBOX_SCHEDULE_JOB = 'mailbox-poll-schedule';

/** Another server process is polling the mailbox right now (立即收取 answers so rather than wait). */
export class PollRunningElsewhere extends Error {
  constructor() {
    super('另一服务进程正在收取报送邮箱，请稍后刷新查看收取结果');
  }
}

/**
 * Polls the mailbox at start and then every `pollSeconds` after the previous poll ended, one
 * poll at a time: 立即收取 waits for a running poll of this process and then polls again. Across
 * the server processes of one database, one poll runs at a time (a lease) and the background
 * polls happen once per interval, by whichever process holds the schedule; 立即收取 while another
 * process polls is refused with PollRunningElsewhere. Every poll's outcome or failure is kept as
 * the last poll status.
 */
export class MailboxPoller {
  private running: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private isStopped = false;

  constructor(private readonly options: MailboxPollerOptions) {}

  /** One poll now, then one every interval until stopped. */
  start(): void {
    const intervalMs = this.options.address.pollSeconds * 1000;
    const cycle = () => {
      void this.serialize(async () => {
        await runExclusively(
          this.options.db,
          { name: MAILBOX_SCHEDULE_JOB, leaseMs: this.options.leaseMs, holdAfterMs: intervalMs },
          () => this.pollOnce()
        );
      })
        .catch((error: unknown) => {
          // A 立即收取 of another process is polling: this round's work is being done.
          if (error instanceof PollRunningElsewhere) return;
          this.options.onError(`${mailboxLabel(this.options.address)}：${pollFailureText(error)}`, error);
        })
        .finally(() => {
          if (!this.isStopped) this.timer = setTimeout(cycle, intervalMs).unref();
        });
    };
    cycle();
  }

  /** Polls once, after any running poll; rejects with the failure (a MailboxError for the mailbox's own). */
  poll(): Promise<IntakeOutcome> {
    return this.serialize(() => this.pollOnce());
  }

  /** Runs `work` after the poll under way in this process, if any. */
  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.running.then(work);
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
    const { db, address, connect, limits, now, leaseMs } = this.options;
    const outcome = await runExclusively(db, { name: MAILBOX_POLL_JOB, leaseMs }, () =>
      pollMailboxAndRecord(db, address, connect, limits(), now)
    );
    if (outcome.status === 'skipped') throw new PollRunningElsewhere();
    return outcome.value;
  }
}

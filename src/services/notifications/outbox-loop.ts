import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { startPeriodicJob } from '../jobs/periodic-job.js';
import { DEFAULT_LEASE_MS } from '../jobs/run-exclusively.js';
import { enqueueDeadlineReminders } from './remind-deadlines.js';
import { sendDueMail, type MailTransport } from './send-outbox.js';

export interface OutboxLoopOptions {
  transport: MailTransport;
  publicUrl: string | null;
  /** Seconds between ticks (GOVINFO_SMTP_POLL_S). */
  pollSeconds: number;
  /** The round's lease time (GOVINFO_JOB_LEASE_S). */
  leaseMs?: number;
  now: () => Date;
  /** Where a tick's unexpected error is reported (the database down, say); the loop goes on. */
  onError: (error: unknown) => void;
}

/** One tick: enqueue the day's deadline reminders, then send what is due. */
export async function runOutboxTick(
  db: Kysely<Database>,
  options: Pick<OutboxLoopOptions, 'transport' | 'publicUrl'>,
  now: Date
): Promise<{ reminders: number; sent: number; failed: number }> {
  const reminders = await enqueueDeadlineReminders(db, now);
  const result = await sendDueMail(db, { transport: options.transport, publicUrl: options.publicUrl, now });
  return { reminders, ...result };
}

/** The lease name of the outbox round: one process at a time sends and enqueues reminders. */
export const OUTBOX_JOB = 'outbox-round';

/**
 * The server's background sender: a round now and then every `pollSeconds`, run by one server
 * process at a time across the database (a lease; each message is also taken before it is sent).
 * `stop` waits for the round under way, so the database is not closed under it.
 */
export function startOutboxLoop(db: Kysely<Database>, options: OutboxLoopOptions): { stop: () => Promise<void> } {
  return startPeriodicJob(db, {
    name: OUTBOX_JOB,
    intervalMs: options.pollSeconds * 1000,
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    run: () => runOutboxTick(db, options, options.now()),
    onError: options.onError,
  });
}

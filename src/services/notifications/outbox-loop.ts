import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { enqueueDeadlineReminders } from './remind-deadlines.js';
import { sendDueMail, type MailTransport } from './send-outbox.js';

export interface OutboxLoopOptions {
  transport: MailTransport;
  publicUrl: string | null;
  /** Seconds between ticks (GOVINFO_SMTP_POLL_S). */
  pollSeconds: number;
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

/**
 * The server's background sender: a tick now and then every `pollSeconds`, one at a time.
 * `stop` waits for the tick under way, so the database is not closed under it.
 */
export function startOutboxLoop(db: Kysely<Database>, options: OutboxLoopOptions): { stop: () => Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = runOutboxTick(db, options, options.now())
      .then(
        () => undefined,
        (error: unknown) => options.onError(error)
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollSeconds * 1000);
      });
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { runExclusively } from './run-exclusively.js';

export interface PeriodicJobOptions {
  /** The lease name shared by every process running the job. */
  name: string;
  /** Time between runs, across every process on the database. */
  intervalMs: number;
  /** The lease time (GOVINFO_JOB_LEASE_S). */
  leaseMs: number;
  run: () => Promise<unknown>;
  /** Where a run's error is reported (the server's log); the job goes on. */
  onError: (error: unknown) => void;
}

/**
 * A background job every server process starts and only one runs per period: each process tries
 * at start and after every interval; the one that takes the lease runs the job and keeps the lease
 * for the interval, so the others skip until the next period. Should that process die, another
 * takes over once the lease expires. `stop` waits for the run under way.
 */
export function startPeriodicJob(db: Kysely<Database>, options: PeriodicJobOptions): { stop: () => Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = runExclusively(
      db,
      { name: options.name, leaseMs: options.leaseMs, holdAfterMs: options.intervalMs },
      options.run
    )
      .then(
        () => undefined,
        (error: unknown) => options.onError(error)
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs);
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

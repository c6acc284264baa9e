import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { finishLease, renewLease, tryAcquireLease } from '../../db/repositories/job-lease.repository.js';

/** This process, as a lease holder: host, process id and a random part (a pid is reused). */
export const PROCESS_HOLDER = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/** Default lease time (GOVINFO_JOB_LEASE_S): how long a dead holder blocks a job before another process takes it. */
export const DEFAULT_LEASE_MS = 60_000;

export interface ExclusiveJob {
  /** The job's lease name, e.g. `mailbox-poll`. */
  name: string;
  holder?: string;
  /** How long the lease lasts without renewal; it is renewed every third of it while the job runs. */
  leaseMs?: number;
  /**
   * Keep the lease this long after the run ends (a periodic job's interval), so no other process
   * runs the job again within the period; the holder itself may. Default 0: given up at once.
   */
  holdAfterMs?: number;
  /** The wall clock; every process on a database must agree on it within a fraction of the lease. */
  now?: () => Date;
  /** Called when a renewal finds the lease taken by another process (this one hung longer than the lease). */
  onLost?: () => void;
}

export type ExclusiveOutcome<T> = { status: 'ran'; value: T } | { status: 'skipped' };

/**
 * Runs `fn` in at most one process at a time across every process on the database: takes the
 * job's lease, renews it while `fn` runs, and gives it up at the end (also when `fn` fails). When
 * another process holds the lease, `fn` is not run and the outcome is `skipped`. A process that
 * dies holding the lease blocks the job for at most `leaseMs`.
 */
export async function runExclusively<T>(
  db: Kysely<Database>,
  job: ExclusiveJob,
  fn: () => Promise<T>
): Promise<ExclusiveOutcome<T>> {
  const holder = job.holder ?? PROCESS_HOLDER;
  const leaseMs = job.leaseMs ?? DEFAULT_LEASE_MS;
  const now = job.now ?? (() => new Date());
  const terms = (forMs: number) => {
    const at = now();
    return { name: job.name, holder, at: at.toISOString(), expiresAt: new Date(at.getTime() + forMs).toISOString() };
  };
  if (!(await tryAcquireLease(db, terms(leaseMs)))) return { status: 'skipped' };
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(
    () => {
      renewing = renewLease(db, terms(leaseMs)).then(
        (held) => {
          if (!held) job.onLost?.();
        },
        // A failed renewal (the database briefly away) is tried again at the next interval.
        () => undefined
      );
    },
    Math.max(10, Math.floor(leaseMs / 3))
  );
  timer.unref();
  try {
    return { status: 'ran', value: await fn() };
  } finally {
    clearInterval(timer);
    await renewing;
    // Should this fail (the database away), the lease simply expires.
    await finishLease(db, terms(job.holdAfterMs ?? 0)).catch(() => undefined);
  }
}

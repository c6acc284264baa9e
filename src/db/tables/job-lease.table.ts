import type { Generated, Selectable } from 'kysely';

/** A lease on one background job: the process holding it runs the job, the others skip it. */
export interface JobLeaseTable {
  /** The job, e.g. `mailbox-poll`. */
  name: string;
  /** hostname:pid:random of the holding process. */
  holder: string;
  acquired_at: string;
  renewed_at: string;
  /** After it, any process may take the lease (its holder died or hung). */
  expires_at: string;
  /** How many times the job has finished, across processes. */
  runs: Generated<number>;
  last_finished_at: string | null;
}

export type JobLeaseRow = Selectable<JobLeaseTable>;

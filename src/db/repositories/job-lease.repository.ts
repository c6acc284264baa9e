import type { Db } from '../database.js';
import type { JobLeaseRow } from '../tables/job-lease.table.js';

/**
 * Takes the lease on a job, or keeps it: one statement on both engines, so of several processes
 * asking at once exactly one gets it. The row is written when there is none, when it has expired
 * (its holder died or hung), or when the asker already holds it; otherwise nothing changes and no
 * row comes back. `expiresAt` and `at` are ISO timestamps.
 */
export async function tryAcquireLease(
  db: Db,
  lease: { name: string; holder: string; at: string; expiresAt: string }
): Promise<boolean> {
  const row = await db
    .insertInto('job_leases')
    .values({
      name: lease.name,
      holder: lease.holder,
      acquired_at: lease.at,
      renewed_at: lease.at,
      expires_at: lease.expiresAt,
    })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({
          holder: eb.ref('excluded.holder'),
          // A holder taking its own lease again keeps the time it first took it.
          acquired_at: eb
            .case()
            .when('job_leases.holder', '=', lease.holder)
            .then(eb.ref('job_leases.acquired_at'))
            .else(eb.ref('excluded.acquired_at'))
            .end(),
          renewed_at: eb.ref('excluded.renewed_at'),
          expires_at: eb.ref('excluded.expires_at'),
        }))
        .where((eb) => eb.or([eb('job_leases.expires_at', '<=', lease.at), eb('job_leases.holder', '=', lease.holder)]))
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === lease.holder;
}

/** Extends a held lease; false when the holder no longer holds it (it expired and another took it). */
export async function renewLease(
  db: Db,
  lease: { name: string; holder: string; at: string; expiresAt: string }
): Promise<boolean> {
  const result = await db
    .updateTable('job_leases')
    .set({ renewed_at: lease.at, expires_at: lease.expiresAt })
    .where('name', '=', lease.name)
    .where('holder', '=', lease.holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Ends a run: counts it and lets the lease expire at `expiresAt` — `at` to give it up at once, later
 * to keep other processes from running the job again before its period is over. Nothing happens
 * when the holder no longer holds it.
 */
export async function finishLease(
  db: Db,
  lease: { name: string; holder: string; at: string; expiresAt: string }
): Promise<void> {
  await db
    .updateTable('job_leases')
    .set((eb) => ({ expires_at: lease.expiresAt, runs: eb('runs', '+', 1), last_finished_at: lease.at }))
    .where('name', '=', lease.name)
    .where('holder', '=', lease.holder)
    .execute();
}

export async function findLease(db: Db, name: string): Promise<JobLeaseRow | undefined> {
  return db.selectFrom('job_leases').selectAll().where('name', '=', name).executeTakeFirst();
}

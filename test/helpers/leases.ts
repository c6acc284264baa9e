import type { Db } from '../../src/db/database.js';
import { tryAcquireLease } from '../../src/db/repositories/job-lease.repository.js';

/** A job's lease as another server process holds it mid-run, for a minute: the job is busy elsewhere. */
export async function holdLeaseElsewhere(db: Db, name: string) {
  const now = Date.now();
  const lease = {
    name,
    holder: 'another-host:4242:abcd',
    at: new Date(now).toISOString(),
    expiresAt: new Date(now + 60_000).toISOString(),
  };
  if (!(await tryAcquireLease(db, lease))) throw new Error(`the lease ${name} is held already`);
  return lease;
}

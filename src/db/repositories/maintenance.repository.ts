import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import { isPostgres } from './bulk.js';

/**
 * Refreshes the planner's statistics after a bulk load, as both engines advise. On PostgreSQL
 * it also vacuums the bookings, so scores can read the covering index alone (index-only scan)
 * instead of waiting for autovacuum. Runs outside any transaction.
 */
export async function refreshStatisticsAfterBulkLoad(db: Kysely<Database>): Promise<void> {
  if (isPostgres(db)) {
    await sql`vacuum (analyze) bookings`.execute(db);
    await sql`analyze`.execute(db);
  } else {
    await sql`pragma optimize`.execute(db);
  }
}

import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import { isPostgres } from './bulk.js';

/** The tables a ledger import writes besides the bookings. */
const LEDGER_TABLES = [
  'items',
  'adoptions',
  'instructions',
  'upwards',
  'solicitations',
  'solicitation_units',
  'responses',
  'penalties',
  'unit_contacts',
] as const;

/**
 * Refreshes the planner's statistics after a bulk load, as both engines advise. On PostgreSQL
 * it also vacuums the bookings, so scores can read the covering index alone (index-only scan)
 * instead of waiting for autovacuum. Runs outside any transaction.
 */
export async function refreshStatisticsAfterBulkLoad(db: Kysely<Database>): Promise<void> {
  if (isPostgres(db)) {
    await sql`vacuum (analyze) bookings`.execute(db);
    // The other tables a ledger writes; bookings were analysed with their vacuum.
    await sql`analyze ${sql.join(LEDGER_TABLES.map((t) => sql.table(t)))}`.execute(db);
  } else {
    await sql`pragma optimize`.execute(db);
  }
}

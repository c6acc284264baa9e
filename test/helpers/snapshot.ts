import { sql } from 'kysely';
import type { Store } from '../../src/db/connect.js';
import { openStore } from '../../src/services/open-store.js';

const TABLES = [
  'units',
  'items',
  'adoptions',
  'instructions',
  'upwards',
  'solicitations',
  'solicitation_units',
  'responses',
  'penalties',
  'bookings',
] as const;

/**
 * Everything stored, as comparable text: "the database is exactly as before" is
 * `expect(await snapshot(db)).toEqual(before)`.
 */
export async function snapshotStore(store: Store): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const { rows } = await sql`select * from ${sql.table(table)}`.execute(store.db);
    result[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

export async function snapshot(location: string): Promise<Record<string, unknown[]>> {
  const store = await openStore(location);
  try {
    return await snapshotStore(store);
  } finally {
    await store.close();
  }
}

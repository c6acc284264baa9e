import { sql } from 'kysely';
import type { Db } from '../database.js';
import { isPostgres } from './bulk.js';

/**
 * Secondary indexes an import does not read while it writes (lists and scores use them): for a
 * bulk load into SQLite they are dropped and rebuilt in the same transaction, which sorts once
 * instead of inserting every entry at a random place. PostgreSQL keeps them: its DDL would lock
 * out readers for the whole import.
 */
const DEFERRABLE_INDEXES = ['items_unit_id', 'items_submitted', 'items_inbox_order', 'bookings_unit_period'];

/** Drops the deferrable indexes and returns how to rebuild them exactly as they were. */
export async function deferIndexes(db: Db): Promise<string[]> {
  if (isPostgres(db)) return [];
  const { rows } = await sql<{
    name: string;
    sql: string;
  }>`select name, sql from sqlite_master where type = 'index' and name in (${sql.join(DEFERRABLE_INDEXES)})`.execute(
    db
  );
  for (const row of rows) await sql`drop index ${sql.id(row.name)}`.execute(db);
  return rows.map((row) => row.sql);
}

export async function rebuildIndexes(db: Db, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

import { sql, type Kysely } from 'kysely';
import type { Database, Db } from '../database.js';
import { isPostgres } from './bulk.js';

/**
 * Whole-table reads for backups and their drills: every table the database holds, found in its
 * catalogue rather than in the `Database` interface, so a table added later is covered too.
 */

export type TableRow = Record<string, unknown>;

/** Every ordinary table, by name (SQLite's own and virtual tables left out). */
export async function listTableNames(db: Db): Promise<string[]> {
  const { rows } = isPostgres(db)
    ? await sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master
        where type = 'table' and name not like 'sqlite\\_%' escape '\\' and sql not like 'CREATE VIRTUAL%'
        order by name`.execute(db);
  return rows.map((row) => row.name);
}

/** A table's columns in their declared order. */
export async function listColumns(db: Db, table: string): Promise<string[]> {
  const { rows } = isPostgres(db)
    ? await sql<{ name: string }>`select column_name as name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db)
    : await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(db);
  return rows.map((row) => row.name);
}

/** A table's primary key columns in key order; empty when it has none. */
export async function listPrimaryKey(db: Db, table: string): Promise<string[]> {
  const { rows } = isPostgres(db)
    ? await sql<{ name: string }>`select a.attname as name from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${table}::regclass and i.indisprimary
        order by array_position(i.indkey::int2[], a.attnum)`.execute(db)
    : await sql<{ name: string }>`select name from pragma_table_info(${table}) where pk > 0 order by pk`.execute(db);
  return rows.map((row) => row.name);
}

/** Rows whose single-column key follows `after` (from the start when undefined), in key order. */
export async function readRowsAfter(
  db: Db,
  table: string,
  key: string,
  after: unknown,
  limit: number
): Promise<TableRow[]> {
  const where = after === undefined ? sql`` : sql`where ${sql.ref(key)} > ${after}`;
  const { rows } = await sql<TableRow>`select * from ${sql.table(table)} ${where}
    order by ${sql.ref(key)} limit ${limit}`.execute(db);
  return rows;
}

/** Every row of a table ordered by the given columns (small tables with a composite key or none). */
export async function readRowsOrdered(db: Db, table: string, orderBy: readonly string[]): Promise<TableRow[]> {
  const order = sql.join(orderBy.map((column) => sql.ref(column)));
  const { rows } = await sql<TableRow>`select * from ${sql.table(table)} order by ${order}`.execute(db);
  return rows;
}

/** SQLite's own check of the file's structure: `['ok']` when sound. */
export async function sqliteIntegrityCheck(db: Db): Promise<string[]> {
  const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
  return rows.map((row) => row.integrity_check);
}

/**
 * Exports the snapshot of a REPEATABLE READ transaction on PostgreSQL, so `pg_dump --snapshot`
 * dumps exactly what this transaction reads.
 */
export async function exportPostgresSnapshot(trx: Db): Promise<string> {
  const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
  return rows[0].id;
}

/** The PostgreSQL server's major version (15 for 15.20). */
export async function postgresServerMajor(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ version: string }>`select current_setting('server_version_num') as version`.execute(db);
  return Math.floor(Number(rows[0].version) / 10_000);
}

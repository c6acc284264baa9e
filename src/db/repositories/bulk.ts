import { CompiledQuery, PostgresAdapter, sql } from 'kysely';
import type { Db } from '../database.js';
import { CopyRows } from '../pg-copy.js';

/** SQLite allows 32,766 bound values a statement and PostgreSQL 65,535; stay under both. */
const MAX_VALUES_PER_STATEMENT = 30_000;
/** Ids per `IN (…)` list when looking rows up by many keys. */
export const LOOKUP_CHUNK = 5_000;

export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Column names as SQL identifiers, comma-separated. */
const quoted = (names: readonly string[]) => names.map((c) => `"${c}"`).join(',');

const statementCache = new Map<string, string>();

/** SQLite's multi-row INSERT for a shape of rows, built once. */
function insertStatement(
  table: string,
  columns: readonly string[],
  rowCount: number,
  returning: readonly string[]
): string {
  const key = `${table}|${columns.join(',')}|${rowCount}|${returning.join(',')}`;
  let text = statementCache.get(key);
  if (text === undefined) {
    const tuples = Array.from({ length: rowCount }, () => `(${columns.map(() => '?').join(',')})`);
    text = `insert into "${table}" (${quoted(columns)}) values ${tuples.join(',')}`;
    if (returning.length > 0) text += ` returning ${quoted(returning)}`;
    statementCache.set(key, text);
  }
  return text;
}

/**
 * Inserts many rows and returns the `returning` columns of every inserted row. Kysely's query
 * builder compiles every value into a node tree, which costs more than the insert itself for a
 * million-row import, so the statements here are built once per shape. A load of BULK_ROWS or
 * more whose caller needs only the new ids (and columns it wrote) back takes the ids from the
 * table first and writes them with the rows: nothing has to be read back, and PostgreSQL can
 * stream the rows with COPY, which returns nothing.
 */
export async function bulkInsert<R = Record<string, unknown>>(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returning: readonly string[] = []
): Promise<R[]> {
  const idsFirst = rows.length >= BULK_ROWS && returning.every((c) => c === 'id' || columns.includes(c));
  if (!idsFirst || returning.length === 0) return insertRows<R>(db, table, columns, rows, returning);
  const ids = await nextIds(db, table, rows.length);
  await insertRows(
    db,
    table,
    ['id', ...columns],
    rows.map((row, i) => [ids[i], ...row]),
    []
  );
  const positions = returning.map((c) => (c === 'id' ? -1 : columns.indexOf(c)));
  return rows.map(
    (row, i) => Object.fromEntries(returning.map((c, k) => [c, positions[k] < 0 ? ids[i] : row[positions[k]]])) as R
  );
}

/** From this many rows on, an insert is a bulk load: PostgreSQL streams it with `COPY … FROM STDIN`. */
export const BULK_ROWS = 1_000;

async function insertRows<R>(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returning: readonly string[]
): Promise<R[]> {
  if (!isPostgres(db)) return insertWithValues<R>(db, table, columns, rows, returning);
  if (rows.length < BULK_ROWS || returning.length > 0) return insertWithUnnest<R>(db, table, columns, rows, returning);
  await copyInto(db, table, columns, rows);
  return [];
}

/** Multi-row `INSERT … VALUES` statements of as many rows as the bound-value limit allows (SQLite). */
async function insertWithValues<R>(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returning: readonly string[]
): Promise<R[]> {
  const perStatement = Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / columns.length));
  const result: R[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const count = Math.min(perStatement, rows.length - start);
    const parameters = new Array<unknown>(count * columns.length);
    for (let r = 0, p = 0; r < count; r++) {
      const row = rows[start + r];
      for (let c = 0; c < columns.length; c++) parameters[p++] = row[c];
    }
    const query = CompiledQuery.raw(insertStatement(table, columns, count, returning), parameters);
    const { rows: inserted } = await db.executeQuery<R>(query);
    if (returning.length > 0) result.push(...inserted);
  }
  return result;
}

/** Rows per PostgreSQL statement: one array parameter per column, however many rows. */
const POSTGRES_ROWS_PER_STATEMENT = 20_000;

/** Streams rows into a table in COPY's text format, on the caller's connection and transaction. */
export async function copyInto(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[]
): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(`copy "${table}" (${quoted(columns)}) from stdin`, [new CopyRows(rows)]));
}

/**
 * `count` new ids for a table, ascending, as its id column would have given them one by one:
 * from PostgreSQL's sequence, or in SQLite after the highest id ever given (AUTOINCREMENT's
 * sqlite_sequence, or the table's highest id), which only this transaction's writer can move.
 */
async function nextIds(db: Db, table: string, count: number): Promise<number[]> {
  if (isPostgres(db)) {
    const { rows } = await db.executeQuery<{ id: number }>(
      CompiledQuery.raw(`select nextval(pg_get_serial_sequence($1, 'id'))::integer as id from generate_series(1, $2)`, [
        table,
        count,
      ])
    );
    return rows.map((r) => r.id).sort((a, b) => a - b);
  }
  const { rows } = await sql<{ last: number }>`select max(
    coalesce((select max(id) from ${sql.table(table)}), 0),
    coalesce((select seq from sqlite_sequence where name = ${table}), 0)) as last`.execute(db);
  const last = Number(rows[0].last);
  return Array.from({ length: count }, (_, i) => last + 1 + i);
}

/**
 * PostgreSQL parses and plans a 30,000-parameter VALUES list slowly; `unnest` of one array per
 * column inserts the same rows with a statement of a few parameters. Column types follow the
 * values (every column here is an integer or text).
 */
async function insertWithUnnest<R>(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returning: readonly string[]
): Promise<R[]> {
  const result: R[] = [];
  for (let start = 0; start < rows.length; start += POSTGRES_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + POSTGRES_ROWS_PER_STATEMENT);
    const arrays = columns.map((_, c) => chunk.map((row) => row[c]));
    const types = arrays.map((values) =>
      typeof values.find((v) => v !== null && v !== undefined) === 'number' ? 'integer' : 'text'
    );
    let text = `insert into "${table}" (${quoted(columns)}) select * from unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(',')})`;
    if (returning.length > 0) text += ` returning ${quoted(returning)}`;
    const { rows: inserted } = await db.executeQuery<R>(CompiledQuery.raw(text, arrays));
    if (returning.length > 0) result.push(...inserted);
  }
  return result;
}

/**
 * The rows of a table whose `ref` is one of `refs`, with the given columns. Inside a PostgreSQL
 * transaction a long list is loaded with COPY into a temporary table and joined once, instead
 * of sent as thousands of `IN (…)` lists; the table goes with the transaction.
 */
export async function selectByRefs<R>(
  db: Db,
  table: string,
  refs: readonly string[],
  columns: readonly string[]
): Promise<R[]> {
  const selected = sql.join(columns.map((c) => sql.ref(`t.${c}`)));
  if (isPostgres(db) && db.isTransaction && refs.length >= BULK_ROWS) {
    await sql`create temp table if not exists lookup_refs (ref text not null) on commit drop`.execute(db);
    await sql`truncate lookup_refs`.execute(db);
    await copyInto(
      db,
      'lookup_refs',
      ['ref'],
      refs.map((ref) => [ref])
    );
    await sql`analyze lookup_refs`.execute(db);
    const { rows } =
      await sql<R>`select ${selected} from ${sql.table(table)} t join lookup_refs l on l.ref = t.ref`.execute(db);
    return rows;
  }
  const found: R[] = [];
  for (const chunk of chunked(refs)) {
    if (chunk.length === 0) continue;
    const { rows } =
      await sql<R>`select ${selected} from ${sql.table(table)} t where t.ref in (${sql.join(chunk)})`.execute(db);
    found.push(...rows);
  }
  return found;
}

/** Splits keys into lists short enough for one `IN (…)`. */
export function chunked<T>(values: readonly T[], size = LOOKUP_CHUNK): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
  return chunks;
}

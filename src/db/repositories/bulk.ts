import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Db } from '../database.js';

/** SQLite allows 32,766 bound values a statement and PostgreSQL 65,535; stay under both. */
const MAX_VALUES_PER_STATEMENT = 30_000;
/** Ids per `IN (…)` list when looking rows up by many keys. */
export const LOOKUP_CHUNK = 5_000;

export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const statementCache = new Map<string, string>();

function insertStatement(
  postgres: boolean,
  table: string,
  columns: readonly string[],
  rowCount: number,
  returning: readonly string[]
): string {
  const key = `${postgres}|${table}|${columns.join(',')}|${rowCount}|${returning.join(',')}`;
  let text = statementCache.get(key);
  if (text === undefined) {
    let n = 0;
    const placeholder = () => (postgres ? `$${++n}` : '?');
    const tuples = Array.from({ length: rowCount }, () => `(${columns.map(placeholder).join(',')})`);
    const quoted = (names: readonly string[]) => names.map((c) => `"${c}"`).join(',');
    text = `insert into "${table}" (${quoted(columns)}) values ${tuples.join(',')}`;
    if (returning.length > 0) text += ` returning ${quoted(returning)}`;
    statementCache.set(key, text);
  }
  return text;
}

/**
 * Inserts many rows with multi-row INSERT statements whose text is built once per shape.
 * Kysely's query builder compiles every value into a node tree, which costs more than the
 * insert itself for a million-row import; the statement here is the same portable SQL.
 * Returns the `returning` columns of every inserted row.
 */
export async function bulkInsert<R = Record<string, unknown>>(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returning: readonly string[] = []
): Promise<R[]> {
  const postgres = isPostgres(db);
  if (postgres) return bulkInsertPostgres<R>(db, table, columns, rows, returning);
  const perStatement = Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / columns.length));
  const result: R[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const count = Math.min(perStatement, rows.length - start);
    const parameters = new Array<unknown>(count * columns.length);
    for (let r = 0, p = 0; r < count; r++) {
      const row = rows[start + r];
      for (let c = 0; c < columns.length; c++) parameters[p++] = row[c];
    }
    const query = CompiledQuery.raw(insertStatement(postgres, table, columns, count, returning), parameters);
    const { rows: inserted } = await db.executeQuery<R>(query);
    if (returning.length > 0) result.push(...inserted);
  }
  return result;
}

/** Rows per PostgreSQL statement: one array parameter per column, however many rows. */
const POSTGRES_ROWS_PER_STATEMENT = 20_000;

/**
 * PostgreSQL parses and plans a 30,000-parameter VALUES list slowly; `unnest` of one array per
 * column inserts the same rows with a statement of a few parameters. Column types follow the
 * values (every column here is an integer or text).
 */
async function bulkInsertPostgres<R>(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returning: readonly string[]
): Promise<R[]> {
  const result: R[] = [];
  const quoted = (names: readonly string[]) => names.map((c) => `"${c}"`).join(',');
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

/** Splits keys into lists short enough for one `IN (…)`. */
export function chunked<T>(values: readonly T[], size = LOOKUP_CHUNK): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
  return chunks;
}

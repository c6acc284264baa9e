import { sql, type RawBuilder } from 'kysely';

/**
 * A LIMIT or OFFSET value that the database reads only when the query runs. Recent SQLite (3.53 in
 * better-sqlite3 12) reads a bare bound LIMIT while planning, and so prepares the statement again
 * whenever that parameter is bound anew: a page query was parsed and planned on every call, which
 * cost as much as running it. Inside a CAST the value is not looked at while planning (the plan
 * is the same); PostgreSQL reads the same text.
 */
export function runTimeCount(value: unknown): RawBuilder<number> {
  return sql<number>`cast(${value} as integer)`;
}

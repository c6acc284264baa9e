import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../src/db/database.js';

/**
 * What a refused request may still change, by design: its own audit entry (checked separately:
 * a refusal appends only non-`ok` entries, and the chain must verify), the rate-limit counters
 * it counts against, the session's last-seen time (and its end, when a session idles out or too
 * many wrong current passwords lock the account), and a failed login's count and lock — for an
 * unknown username too (`unknown_logins`, so the answers do not tell which names exist). The
 * background jobs' leases (`job_leases`) change on their own schedule, whatever the requests.
 */
const EXPECTED_CHANGES: Record<string, 'whole table' | readonly string[]> = {
  audit_log: 'whole table',
  audit_head: 'whole table',
  rate_limits: 'whole table',
  sessions: ['last_seen_at', 'ended_at'],
  users: ['failed_logins', 'locked_until'],
  unknown_logins: 'whole table',
  job_leases: 'whole table',
};

/** Per table, a hash of every row (rows sorted), leaving out what a refusal may change. */
export type StoreFingerprint = Record<string, string>;

/** The tables of the database as it is, migration bookkeeping left out. */
export async function tablesOf(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables
    .map((table) => table.name)
    .filter((name) => !name.startsWith('kysely_') && EXPECTED_CHANGES[name] !== 'whole table')
    .sort();
}

/** Fingerprints every table: two equal fingerprints mean nothing was stored, changed or removed. */
export async function fingerprintStore(db: Db, tables: readonly string[]): Promise<StoreFingerprint> {
  const fingerprint: StoreFingerprint = {};
  for (const table of tables) {
    const ignored = EXPECTED_CHANGES[table];
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    const lines = rows.map((row) => {
      if (Array.isArray(ignored)) for (const column of ignored) delete row[column];
      return JSON.stringify(row);
    });
    fingerprint[table] = `${rows.length}:${createHash('sha1').update(lines.sort().join('\n')).digest('hex')}`;
  }
  return fingerprint;
}

/** The tables whose fingerprints differ, with their row counts before → after. */
export function changedTables(before: StoreFingerprint, after: StoreFingerprint): string[] {
  return Object.keys(after)
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table} (${before[table]?.split(':')[0]} → ${after[table].split(':')[0]} rows)`);
}

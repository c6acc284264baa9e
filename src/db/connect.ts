import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database, Dialect } from './database.js';
import { enableCopyFromStdin } from './pg-copy.js';
import { sqliteForKysely } from './sqlite-statements.js';

/** The embedded default when neither `--db` nor `GOVINFO_DB` names a database. */
export const DEFAULT_DATABASE = 'data/govinfo.db';

/** An open database with its dialect, closed with `close()`. */
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where it lives: the file path, or the URL without its password. */
  location: string;
  close(): Promise<void>;
}

/** `postgres://…` and `postgresql://…` URLs are PostgreSQL; anything else is a SQLite file path. */
export function dialectOf(location: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(location) ? 'postgres' : 'sqlite';
}

// SUM() and COUNT() are bigint in PostgreSQL; every figure here fits a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

/**
 * Settings of every PostgreSQL session. No parallel query: the system's queries are short and many
 * run at once, and the worker processes a parallel plan forks per query took 40% of the machine's
 * busy time under load (bench:scale, 2 cores: the day's mix had p95 of 155–332 ms with it, and met
 * every target without). `PGOPTIONS` comes after, so an operator can turn it back on.
 */
function sessionOptions(): string {
  return ['-c max_parallel_workers_per_gather=0', process.env.PGOPTIONS].filter(Boolean).join(' ');
}

/** Opens the database at a file path or PostgreSQL URL (no migration: see open-store). */
export function connect(location: string): Store {
  if (dialectOf(location) === 'postgres') {
    const pool = new pg.Pool({ connectionString: location, max: 10, options: sessionOptions() });
    // An idle connection the server closes (a restart, an administrator ending it) is replaced on
    // the next query; without a listener the pool's error event would end the process.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') console.error(`PostgreSQL connection lost: ${error.message}`);
    });
    // Bulk loads (a ledger import) stream their rows with COPY on the transaction's own connection.
    enableCopyFromStdin(pool);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      location: location.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      close: () => db.destroy(),
    };
  }
  const file = path.resolve(location);
  // The embedded default lives in data/ under the working directory, created on first use.
  if (location === DEFAULT_DATABASE) fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers work during an import.
  sqlite.pragma('journal_mode = WAL');
  // Set explicitly: this build reopens a WAL database at NORMAL (SQLITE_DEFAULT_WAL_SYNCHRONOUS=1),
  // which keeps the last commits only in the OS cache. FULL syncs the WAL at every commit, so a
  // write acknowledged to a user survives a power cut too (docs/reliability.md: the cost measured).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  // A 128 MiB page cache keeps a large import's index pages in memory instead of spilling them mid-transaction.
  sqlite.pragma('cache_size = -131072');
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqliteForKysely(sqlite) }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

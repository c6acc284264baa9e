import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Store } from './connect.js';
import type { Database } from './database.js';

/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether a file starts as a SQLite database does. */
export function looksLikeSqlite(file: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Copies a live SQLite database with the online backup API. After its first step the progress
 * callback asks for every remaining page at once, so the copy ends with one step, that is one
 * read transaction: one consistent moment while the server goes on writing (WAL readers never
 * block it). A write landing between steps makes SQLite restart the copy, which that single
 * step then finishes.
 * The copy is switched to a rollback journal so it is one self-contained file, then synced.
 */
export async function copySqliteOnline(source: string, destination: string): Promise<void> {
  const live = new SqliteDatabase(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 10000');
    await live.backup(destination, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  const copy = new SqliteDatabase(destination, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  syncFile(destination);
}

/** Opens a SQLite file for reading only: no pragma that would change it, no migration. */
export function openSqliteReadOnly(file: string): Store {
  const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

/** Whether a SQLite file holds any table (a missing or zero-length file holds none). */
export function sqliteFileHasTables(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return false;
  const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const row = sqlite.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number };
    return row.n > 0;
  } finally {
    sqlite.close();
  }
}

/** Forces a file's bytes to disk before anyone is told it is written. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

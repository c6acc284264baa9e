import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { dialectOf, type Store } from '../db/connect.js';
import { openStore, resolveDatabaseLocation, StoreUnavailableError } from '../services/open-store.js';

/** Where a command writes: passed in so tests can read what a command printed. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** An error meant for the user: printed as is, exit status 1, no stack trace. */
export class UserError extends Error {}

/** Opens the database chosen by `--db` / `GOVINFO_DB`, runs `work`, and closes it whatever happens. */
export async function withStore<T>(command: Command, work: (store: Store) => Promise<T>): Promise<T> {
  let store: Store;
  try {
    store = await openStore(resolveDatabaseLocation(command.optsWithGlobals<{ db?: string }>().db));
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw new UserError(error.message);
    throw error;
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * `withStore` for a check that only reads what is there (`audit verify`): every other command
 * creates its database on first use (spec: choosing the database), but a check run on a mistyped
 * path would create an empty database and report it intact. A missing SQLite file is refused;
 * a missing PostgreSQL database is refused by `openStore` already.
 */
export async function withExistingStore<T>(command: Command, work: (store: Store) => Promise<T>): Promise<T> {
  const location = resolveDatabaseLocation(command.optsWithGlobals<{ db?: string }>().db);
  if (dialectOf(location) === 'sqlite') {
    const file = path.resolve(location);
    const size = fs.statSync(file, { throwIfNoEntry: false })?.size;
    if (size === undefined)
      throw new UserError(`数据库文件不存在：${file}；校验不会新建数据库，请检查 --db 或 GOVINFO_DB`);
    if (size === 0) throw new UserError(`数据库文件是空文件：${file}；没有可校验的数据`);
  }
  return withStore(command, work);
}

/** Parses `--year`: a four-digit calendar year. */
export function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new UserError(`--year 的值“${value}”无效，应为四位年份，如 2012`);
  return Number(value);
}

/** Parses `--quarter`: 1 to 4. */
export function parseQuarter(value: string): number {
  if (!/^[1-4]$/.test(value)) throw new UserError(`--quarter 的值“${value}”无效，应为 1、2、3 或 4`);
  return Number(value);
}

export function writeJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

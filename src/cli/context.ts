import type { Command } from 'commander';
import type { Store } from '../db/connect.js';
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

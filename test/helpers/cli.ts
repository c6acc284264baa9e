import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/govinfo');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `./bin/govinfo` (built by `npm test`) against a database, as a user would. */
export function govinfo(db: string, ...args: string[]): Promise<CliResult> {
  return govinfoWithEnv({}, db, ...args);
}

/** `govinfo` with environment variables set for this run only (e.g. GOVINFO_IMAP_URL). */
export function govinfoWithEnv(env: Record<string, string>, db: string, ...args: string[]): Promise<CliResult> {
  if (!fs.existsSync(path.join(ROOT, 'dist/cli/main.js')))
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, '--db', db, ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GOVINFO_DB: '', ...env } },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ status, stdout, stderr });
      }
    );
  });
}

/** Writes records as a JSON Lines ledger and returns its path. */
export function writeJsonl(dir: string, name: string, records: readonly object[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return file;
}

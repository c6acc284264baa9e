import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialect, isDialectAvailable } from '../helpers/test-store.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface ProofResult {
  rounds: number;
  kills: number;
  writesAcknowledged: number;
  writesVerified: number;
  failures: number;
  failureSamples: string[];
}

/** Runs the crash-safety proof (scripts/proof-crash.mjs against dist/) for a few rounds. */
function runProof(rounds: number): Promise<{ status: number; output: string; results: ProofResult[] }> {
  if (!fs.existsSync(path.join(ROOT, 'dist/cli/main.js')))
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'scripts/proof-crash.mjs'), '--dialect', dialect, '--rounds', String(rounds), '--workers', '3'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith('PROOF_RESULT '));
        resolve({
          status: error ? Number(error.code ?? 1) : 0,
          output: `${stdout}\n${stderr}`,
          results: line ? (JSON.parse(line.slice('PROOF_RESULT '.length)) as ProofResult[]) : [],
        });
      }
    );
  });
}

// The short variant of `npm run proof:crash` (200 rounds on SQLite, 50 on PostgreSQL).
describe.skipIf(!isDialectAvailable)(`crash safety: SIGKILL during writes and imports (${dialect})`, () => {
  it('loses no acknowledged write and leaves nothing half applied', async () => {
    const rounds = dialect === 'sqlite' ? 8 : 3;
    const { status, output, results } = await runProof(rounds);
    expect(results, output).toHaveLength(1);
    const [result] = results;
    expect(result.failureSamples).toEqual([]);
    expect(result).toMatchObject({ rounds, kills: rounds, failures: 0 });
    expect(result.writesAcknowledged).toBeGreaterThan(0);
    expect(result.writesVerified).toBe(result.writesAcknowledged);
    expect(status).toBe(0);
  });
});

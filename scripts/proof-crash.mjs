// npm run proof:crash — kills the real server with SIGKILL during bursts of API writes and during
// large ledger imports, restarts it and checks that nothing acknowledged was lost or half applied.
//
// Each round: start `govinfo serve` (dist/) on the same database and a free port, check everything
// written before the last crash (crash-checks.mjs), then drive writes from several workers — drafts,
// attachments, the workflow to adoption, and in every fourth round a ledger import of thousands of
// records — and SIGKILL the server at a random moment. A last restart checks the last round.
//
// Options: --dialect sqlite|postgres|both (default both), --rounds N (default 200 on SQLite, 50 on
// PostgreSQL), --workers N (default 4), --seed N. PostgreSQL: GOVINFO_PROOF_PG (default
// postgres://postgres@127.0.0.1:5432), a database created for the run and dropped after.
// Prints the figures; the last line is `PROOF_RESULT {json}`. Exit status 1 on any failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'both' },
    rounds: { type: 'string' },
    workers: { type: 'string', default: '4' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
  },
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-proof-crash-'));
// The server and these checks must read the same key file (the audit chain's key lives outside the database).
process.env.GOVINFO_KEY_FILE = path.join(dir, 'server.key');

const { openStore } = await import('../dist/services/open-store.js');
const { createAccount } = await import('../dist/services/accounts/manage-accounts.js');
const { findUserById, updateUser } = await import('../dist/db/repositories/user.repository.js');
const { listUnits } = await import('../dist/db/repositories/unit.repository.js');
const { generateDemoLedger } = await import('../dist/services/generate-demo.js');
const { createDatabase, dropDatabase, withDatabaseName } = await import('../dist/db/pg-databases.js');
const { startServer } = await import('./proof/server-process.mjs');
const { ApiClient } = await import('./proof/api-client.mjs');
const { newLedger, runWorker, importLedger } = await import('./proof/write-burst.mjs');
const { checkAfterRestart } = await import('./proof/crash-checks.mjs');

/** mulberry32: a seeded generator, so a failing run can be repeated with --seed. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PASSWORD = 'Qz7#mPw2-Xin';
const SERVER_ENV = {
  GOVINFO_LOG_LEVEL: 'error',
  GOVINFO_SECURE_COOKIES: 'never',
  GOVINFO_LOGIN_RATE_LIMIT: '100000',
  GOVINFO_COSTLY_RATE_LIMIT: '1000000',
};

/** The accounts that drive the writes, made on the server as the system administrator would, passwords already changed. */
async function createAccounts(location) {
  const store = await openStore(location);
  try {
    const units = await listUnits(store.db);
    const unitId = units.find((u) => u.name === '沙湾镇').id;
    const actor = { id: null, username: 'proof-setup', ip: 'local' };
    for (const [username, role, unit] of [
      ['proof-officer', 'officer', unitId],
      ['proof-reviewer', 'reviewer', unitId],
      ['proof-editor', 'editor', null],
    ]) {
      const { id } = await createAccount(
        store.db,
        actor,
        { username, displayName: `验证${role}`, role, unitId: unit, password: PASSWORD },
        new Date()
      );
      await updateUser(store.db, id, (await findUserById(store.db, id)).version, { must_change_password: 0 });
    }
    return units.map((u) => ({ name: u.name, series: u.series_code }));
  } finally {
    await store.close();
  }
}

async function prove(dialect, rounds) {
  const started = Date.now();
  const seed = Number(options.seed);
  const random = seeded(seed);
  let location = path.join(dir, 'crash.db');
  if (dialect === 'postgres') {
    const server = process.env.GOVINFO_PROOF_PG ?? 'postgres://postgres@127.0.0.1:5432';
    location = withDatabaseName(server, `govinfo_proof_${process.pid}_${seed}`);
    await createDatabase(location);
  }
  const units = await createAccounts(location);
  const clients = {
    officer: new ApiClient('proof-officer', PASSWORD),
    reviewer: new ApiClient('proof-reviewer', PASSWORD),
    editor: new ApiClient('proof-editor', PASSWORD),
  };
  const ledger = newLedger();
  const imports = [];
  const failures = [];
  let verified = 0;
  let importEstimateMs = 3000;

  const restartAndCheck = async () => {
    const server = await startServer(location, SERVER_ENV);
    for (const client of Object.values(clients)) client.address = server.address;
    const result = await checkAfterRestart({ location, officer: clients.officer, ledger, imports });
    verified += result.verified;
    failures.push(...result.failures);
    return server;
  };

  try {
    for (let round = 1; round <= rounds; round++) {
      const server = await restartAndCheck();
      const work = [];
      const isImportRound = round % 4 === 0;
      if (isImportRound) {
        const records = generateDemoLedger({
          year: 2025,
          units,
          seed: seed + round,
          intensity: 2,
          idPrefix: `C${round}-`,
        });
        const job = {
          prefix: `C${round}-`,
          items: records.filter((r) => r.type === 'item').length,
          adoptions: records.filter((r) => r.type === 'adoption').length,
          acknowledged: false,
        };
        imports.push(job);
        const text = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
        work.push(
          // The estimate follows the imports: an acknowledged one sets it, a cut one lengthens it,
          // so about as many imports finish before the kill as are cut short.
          importLedger(clients.editor, text, ledger, job).then(() => {
            importEstimateMs = job.seconds ? job.seconds * 1000 : Math.min(importEstimateMs * 1.25, 60_000);
          })
        );
      }
      for (let w = 1; w <= Number(options.workers); w++) work.push(runWorker(clients, ledger, random, round, w));
      // A random moment: within the expected length of the import in its rounds, any time in a burst otherwise.
      const delay = isImportRound ? random() * importEstimateMs * 2 : 150 + random() * 1350;
      await new Promise((resolve) => setTimeout(resolve, delay));
      await server.kill('SIGKILL');
      await Promise.allSettled(work);
      if (round % 10 === 0 || round === rounds)
        console.error(
          `  ${dialect} round ${round}/${rounds}: ${ledger.acknowledged} writes acknowledged, ${verified} verified, ${failures.length} failures`
        );
    }
    const last = await restartAndCheck();
    await last.kill('SIGTERM');
  } finally {
    if (dialect === 'postgres') await dropDatabase(location).catch(() => undefined);
  }
  const unexpected5xx = ledger.unexpected.filter((u) => /: 5\d\d /.test(u));
  failures.push(...unexpected5xx.map((u) => `server error: ${u}`));
  return {
    dialect,
    rounds,
    seed,
    kills: rounds,
    importRounds: imports.length,
    importsAcknowledged: imports.filter((j) => j.acknowledged).length,
    writesAcknowledged: ledger.acknowledged,
    writesVerified: verified,
    refusals: ledger.unexpected.length - unexpected5xx.length,
    failures: failures.length,
    failureSamples: failures.slice(0, 10),
    refusalSamples: ledger.unexpected.slice(0, 5),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

const dialects = options.dialect === 'both' ? ['sqlite', 'postgres'] : [options.dialect];
const results = [];
try {
  for (const dialect of dialects) {
    const rounds = Number(options.rounds ?? (dialect === 'sqlite' ? 200 : 50));
    console.error(`crash-safety proof on ${dialect}: ${rounds} rounds, seed ${options.seed}`);
    results.push(await prove(dialect, rounds));
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
for (const r of results) {
  console.log(
    `${r.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${r.rounds} rounds (SIGKILL each; ${r.importRounds} during a ledger import, ${r.importsAcknowledged} of them acknowledged first), ` +
      `writes acknowledged ${r.writesAcknowledged}, verified ${r.writesVerified}, failures ${r.failures}, time ${r.seconds} s (seed ${r.seed})`
  );
  for (const failure of r.failureSamples) console.log(`  FAILURE ${failure}`);
  for (const refusal of r.refusalSamples) console.log(`  refused: ${refusal}`);
}
console.log(`PROOF_RESULT ${JSON.stringify(results)}`);
process.exitCode = results.every((r) => r.failures === 0 && r.writesVerified === r.writesAcknowledged) ? 0 : 1;

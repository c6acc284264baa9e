// npm run proof:soak — 60 s of mixed reads and writes from 100 connections (issue 10, "Prove: soak").
//
// Serves the built app (dist/) in this process on SQLite with a demo year stored, signs in unit
// officers, their reviewers and editors (no administrator: their accounts need TOTP), and drives
// bench/soak-load.mjs, a separate process, at it: officers draft, edit and send items and read
// lists; reviewers approve; editors list, score and accept with an adoption. Passes when no request
// failed (no non-2xx answer, socket error or timeout) and the server's memory after a full GC at
// the end is within 10% of the same measure at the start (after a warm-up at full load, so JIT
// code is counted in both): the heap as measured, RSS once the database pages SQLite's page cache
// gained are allowed for (the database's growth, capped at the cache size). Prints p50/p99 per
// route, the memory, the database size and the load average.
// Needs `node --expose-gc` (the npm script passes it).
// Environment: SOAK_SECONDS (60), SOAK_CONNECTIONS (100), SOAK_WARMUP_SECONDS (10), SOAK_UNITS (20).
import { fork } from 'node:child_process';
import { sql } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../dist/services/open-store.js';
import { importLedger } from '../dist/services/import-ledger.js';
import { generateDemoLedger } from '../dist/services/generate-demo.js';
import { listUnits } from '../dist/db/repositories/unit.repository.js';
import { createBenchUser as createUser, signIn } from './bench-accounts.mjs';
import { buildApp } from '../dist/server/app.js';
import { benchServerConfig } from './bench-config.mjs';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 100);
const WARMUP_SECONDS = Number(process.env.SOAK_WARMUP_SECONDS ?? 10);
const UNITS = Number(process.env.SOAK_UNITS ?? 20);
const EDITORS = 3;
/** The share of connections that are editors; the rest are unit officers (with their reviewers). */
const EDITOR_SHARE = 0.2;
const MEMORY_TOLERANCE = 0.1;
/** SQLite's page cache limit, `cache_size = -131072` in src/db/connect.ts. */
const SQLITE_CACHE_BYTES = 128 * 1024 * 1024;

if (typeof global.gc !== 'function') {
  console.error('proof:soak needs `node --expose-gc bench/soak.mjs` to measure memory after a full GC.');
  process.exit(2);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-soak-'));
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** RSS and heap used after full collections, once the heap has settled. */
async function settledMemory() {
  for (let i = 0; i < 4; i++) {
    global.gc();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}

/** The database's size in bytes (SQLite: pages × page size), which its page cache may hold. */
async function databaseBytes() {
  if (store.dialect !== 'sqlite') return 0;
  const [{ page_count }] = (await sql`pragma page_count`.execute(store.db)).rows;
  const [{ page_size }] = (await sql`pragma page_size`.execute(store.db)).rows;
  return page_count * page_size;
}

/** Runs the load process for `seconds` and returns its report. */
function drive(options) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'soak-load.mjs'), { stdio: 'inherit' });
    child.once('message', resolve);
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`the load process exited with ${code}`)));
    child.send(options);
  });
}

const store = await openStore(process.env.SOAK_DB ?? path.join(dir, 'soak.db'));
let app;
let passed = false;
try {
  const units = await listUnits(store.db);
  const demo = generateDemoLedger({
    year: 2025,
    units: units.map((u) => ({ name: u.name, series: u.series_code })),
    seed: 11,
  });
  const outcome = await importLedger(
    store.db,
    demo.map((fields, i) => ({ fields, file: 'soak-demo', line: i + 1 }))
  );
  if (!outcome.ok) throw new Error('could not store the demo year');

  const people = [];
  for (const unit of units.filter((u) => u.series_code === 'town').slice(0, UNITS)) {
    people.push({
      unit: unit.name,
      officer: await createUser(store, `soak-officer-${unit.id}`, 'officer', unit.id),
      reviewer: await createUser(store, `soak-reviewer-${unit.id}`, 'reviewer', unit.id),
    });
  }
  const editorNames = [];
  for (let i = 1; i <= EDITORS; i++) editorNames.push(await createUser(store, `soak-editor-${i}`, 'editor', null));

  const config = benchServerConfig();
  app = await buildApp({ db: store.db, config });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const officers = [];
  for (const p of people)
    officers.push({
      unit: p.unit,
      officer: await signIn(address, p.officer),
      reviewer: await signIn(address, p.reviewer),
    });
  const editors = [];
  for (const name of editorNames) editors.push(await signIn(address, name));
  const run = (seconds) =>
    drive({ address, seconds, connections: CONNECTIONS, officers, editors, editorShare: EDITOR_SHARE });

  console.log(
    `govinfo soak — ${os.cpus().length} cores, Node ${process.version}, SQLite, demo year 2025 (${demo.length.toLocaleString('en')} records), ` +
      `${CONNECTIONS} connections (${Math.round(CONNECTIONS * EDITOR_SHARE)} editors, the rest officers of ${people.length} units) × ${SECONDS} s; load average ${load()}`
  );
  const baseline = await settledMemory();
  const warmup = await run(WARMUP_SECONDS);
  const start = { ...(await settledMemory()), database: await databaseBytes() };
  const soak = await run(SECONDS);
  const end = { ...(await settledMemory()), database: await databaseBytes() };

  console.log(
    `  warm-up ${WARMUP_SECONDS} s: ${warmup.total.toLocaleString('en')} requests, ${warmup.errors.length} errors`
  );
  console.log(
    `  soak ${SECONDS} s: ${soak.total.toLocaleString('en')} requests (${Math.round(soak.total / SECONDS).toLocaleString('en')}/s), ${soak.errors.length} errors`
  );
  console.log('  route                                    count      p50 ms   p99 ms   max ms');
  for (const r of soak.routes)
    console.log(
      `  ${r.route.padEnd(38)} ${String(r.count).padStart(7)}  ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}`
    );
  for (const e of [...warmup.errors, ...soak.errors].slice(0, 10))
    console.log(`  error: ${e.route} ${e.status} ${e.body}`);

  const change = (key) => (end[key] - start[key]) / start[key];
  for (const key of ['rss', 'heapUsed', 'external'])
    console.log(
      `  memory ${key.padEnd(8)} before warm-up ${mib(baseline[key])}, start ${mib(start[key])}, end ${mib(end[key])} (${(change(key) * 100).toFixed(1)}%)`
    );
  // SQLite's page cache (up to 128 MiB, src/db/connect.ts) keeps the pages the soak adds to the
  // database: memory that follows the data up to a fixed cap is not a leak, so RSS may grow by
  // the database's growth (capped) on top of the 10%. The heap has no such allowance.
  const cacheAllowance = Math.min(Math.max(0, end.database - start.database), SQLITE_CACHE_BYTES);
  const rssGrowthBeyondCache = end.rss - start.rss - cacheAllowance;
  const isRssWithin = Math.abs(rssGrowthBeyondCache) <= MEMORY_TOLERANCE * start.rss;
  const isHeapWithin = Math.abs(change('heapUsed')) <= MEMORY_TOLERANCE;
  console.log(
    `  database ${mib(start.database)} → ${mib(end.database)}; RSS growth beyond the pages it added: ${mib(rssGrowthBeyondCache)} (${((rssGrowthBeyondCache / start.rss) * 100).toFixed(1)}%, limit ±${MEMORY_TOLERANCE * 100}%)`
  );
  const errorCount = warmup.errors.length + soak.errors.length;
  passed = errorCount === 0 && isRssWithin && isHeapWithin;
  console.log(`  load average at the end ${load()}`);
  console.log(
    `  ${passed ? 'PASS' : 'FAIL'}: ${errorCount} errors; heap within ±${MEMORY_TOLERANCE * 100}%: ${isHeapWithin}; RSS within ±${MEMORY_TOLERANCE * 100}% beyond the database pages cached: ${isRssWithin}`
  );
} finally {
  await app?.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(passed ? 0 : 1);

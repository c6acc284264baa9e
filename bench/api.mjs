// npm run bench:api — the editor's item list (20 a page, 10,000 items stored) against a bare route, in one run.
//
// Starts the real app on SQLite with 10,000 items sent to the district, signs in as an editor and
// drives autocannon (a separate process, 50 connections) at GET /api/items?page=1&pageSize=20 with the
// session cookie, then at GET /api/ping (no database, same app and hooks). Prints requests/s, p99 and
// the ratio list ÷ bare. Targets: list ≥ 25% of the bare rate, p99 under 50 ms.
// Environment: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../dist/services/open-store.js';
import { importLedger } from '../dist/services/import-ledger.js';
import { generateDemoLedger } from '../dist/services/generate-demo.js';
import { listUnits } from '../dist/db/repositories/unit.repository.js';
import { createAccount } from '../dist/services/accounts/manage-accounts.js';
import { updateUser, findUserById } from '../dist/db/repositories/user.repository.js';
import { buildApp } from '../dist/server/app.js';
import { benchServerConfig } from './bench-config.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ITEMS = 10_000;
const ROOT = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-bench-api-'));

/** Runs autocannon in its own process (asynchronously: this process serves the requests meanwhile). */
async function autocannon(url, headers) {
  const args = [
    path.join(ROOT, 'node_modules/autocannon/autocannon.js'),
    '-c',
    String(CONNECTIONS),
    '-d',
    String(SECONDS),
    '-j',
  ];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  const { stdout } = await promisify(execFile)(process.execPath, [...args, url], { maxBuffer: 64 * 1024 * 1024 });
  const result = JSON.parse(stdout);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    total: result.requests.total,
  };
}

const store = await openStore(path.join(dir, 'bench.db'));
try {
  const units = (await listUnits(store.db)).map((u) => ({ name: u.name, series: u.series_code }));
  const items = generateDemoLedger({ year: 2025, units, seed: 7, intensity: 10 })
    .filter((r) => r.type === 'item')
    .slice(0, ITEMS);
  const outcome = await importLedger(
    store.db,
    items.map((fields, i) => ({ fields, file: 'bench', line: i + 1 }))
  );
  if (!outcome.ok || outcome.stored.item !== ITEMS) throw new Error(`could not store ${ITEMS} items`);

  const now = new Date();
  const password = 'Bench#Editor2026';
  const { id } = await createAccount(
    store.db,
    { id: null, username: 'bench', ip: 'local' },
    { username: 'bench-editor', displayName: '压测编辑', role: 'editor', unitId: null, password },
    now
  );
  await updateUser(store.db, id, (await findUserById(store.db, id)).version, { must_change_password: 0 });

  const config = benchServerConfig();
  const app = await buildApp({ db: store.db, config });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-editor', password }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const page = await (await fetch(`${address}/api/items?page=1&pageSize=20`, { headers: { cookie } })).json();
    if (page.total !== ITEMS || page.items.length !== 20)
      throw new Error(`the list shows ${page.total} items, ${page.items.length} on the page`);

    console.log(
      `govinfo API benchmark — ${os.cpus().length} cores, Node ${process.version}, SQLite, ${ITEMS.toLocaleString('en')} items, autocannon ${CONNECTIONS} connections × ${SECONDS} s`
    );
    const list = await autocannon(`${address}/api/items?page=1&pageSize=20`, { cookie });
    const bare = await autocannon(`${address}/api/ping`, {});
    console.log(
      `  item list (20 a page)  ${Math.round(list.rps).toLocaleString('en')} req/s  p50 ${list.p50} ms  p99 ${list.p99} ms  (target p99 < 50 ms)`
    );
    console.log(
      `  bare route (/api/ping) ${Math.round(bare.rps).toLocaleString('en')} req/s  p50 ${bare.p50} ms  p99 ${bare.p99} ms`
    );
    console.log(`  ratio list ÷ bare = ${(list.rps / bare.rps).toFixed(2)}  (target ≥ 0.25)`);
  } finally {
    await app.close();
  }
} finally {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

// npm run bench:web — what the browser loads and how soon the busy pages are usable.
//
// 1. Bundle sizes from the build (dist/web/.vite/manifest.json): the JavaScript a page needs before
//    it shows — the entry chunk, the page's own chunk and everything they import statically —
//    gzip-compressed. Target: login page and the officer's start page (工作台) at most 500 KB each.
// 2. Timings in Debian's Chromium against the real server on SQLite with a year's demo ledger
//    (about 10,000 items): from navigation start (Chromium's performance timeline, performance.now())
//    until the editor's inbox shows its first page of rows, and until the scores page shows its
//    table. Floor, measured in the same run: the login page (static, no data) until its form shows.
//    Target: each page usable within 1.5 s of navigation; the ratio to the floor is printed.
// Environment: BENCH_RUNS (default 5; the median is reported).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { openStore } from '../dist/services/open-store.js';
import { importLedger } from '../dist/services/import-ledger.js';
import { generateDemoLedger } from '../dist/services/generate-demo.js';
import { listUnits } from '../dist/db/repositories/unit.repository.js';
import { createAccount } from '../dist/services/accounts/manage-accounts.js';
import { updateUser, findUserById } from '../dist/db/repositories/user.repository.js';
import { buildApp } from '../dist/server/app.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const WEB = path.join(ROOT, 'dist/web');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET_KB = 500;
const USABLE_MS = 1500;

// --- 1. bundle sizes ---------------------------------------------------------------------------
const manifest = JSON.parse(fs.readFileSync(path.join(WEB, '.vite/manifest.json'), 'utf8'));
const gzipKb = (file) => zlib.gzipSync(fs.readFileSync(path.join(WEB, file)), { level: 9 }).length / 1024;

/** The files a chunk needs before it runs: itself and its static imports, transitively. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) closure(next, seen);
  return seen;
}
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const pageKey = (folder) => Object.keys(manifest).find((key) => key.endsWith(`src/pages/${folder}/index.tsx`));
function initialJs(pageFolder) {
  const keys = closure(entryKey);
  const page = pageKey(pageFolder);
  if (page && !keys.has(page)) closure(page, keys);
  return [...keys].filter((key) => manifest[key].file.endsWith('.js')).reduce((sum, key) => sum + gzipKb(manifest[key].file), 0);
}
const sizes = { login: initialJs('login'), officerStart: initialJs('dashboard') };

// --- 2. timings ----------------------------------------------------------------------------------
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-bench-web-'));
const store = await openStore(path.join(dir, 'bench.db'));
const year = new Date().getFullYear();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let browser;
try {
  const units = (await listUnits(store.db)).map((u) => ({ name: u.name, series: u.series_code }));
  const records = generateDemoLedger({ year, units, seed: 11, intensity: 8.4 });
  const outcome = await importLedger(store.db, records.map((fields, i) => ({ fields, file: 'bench', line: i + 1 })));
  if (!outcome.ok) throw new Error('the demo ledger did not import');
  const itemCount = outcome.stored.item;

  const password = 'Bench#Editor2026';
  const { id } = await createAccount(store.db, { id: null, username: 'bench', ip: 'local' }, { username: 'bench-editor', displayName: '压测编辑', role: 'editor', unitId: null, password }, new Date());
  await updateUser(store.db, id, (await findUserById(store.db, id)).version, { must_change_password: 0 });

  const config = { secureCookies: 'never', trustProxy: false, loginRateLimit: 1000, costlyRateLimit: 1_000_000, maxAttachmentBytes: 20 * 1024 * 1024, now: () => new Date() };
  const app = await buildApp({ db: store.db, config });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium', headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await browser.newContext({ baseURL: address, viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('bench-editor');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('今天需要处理').waitFor();

    /** Milliseconds from navigation start until `ready` holds in the page (polled every animation frame). */
    const usableAfter = async (url, ready, targetPage = page) => {
      await targetPage.goto(url, { waitUntil: 'commit' });
      const handle = await targetPage.waitForFunction(ready, undefined, { polling: 'raf', timeout: 30_000 });
      await handle.dispose();
      return targetPage.evaluate(() => performance.now());
    };
    const rowsShown = () => document.querySelectorAll('.ant-table-tbody .ant-table-row').length > 0 && !document.querySelector('.ant-spin-spinning');
    const loginShown = () => Boolean(document.querySelector('button[type=submit]'));

    const fresh = await browser.newContext({ baseURL: address, viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const anonymous = await fresh.newPage();
    const timings = { floor: [], inbox: [], scores: [] };
    for (let run = 0; run < RUNS + 1; run++) {
      const floor = await usableAfter('/login', loginShown, anonymous);
      const inbox = await usableAfter('/editor/inbox', rowsShown);
      const scores = await usableAfter('/scores', rowsShown);
      if (run === 0) continue; // the first run warms the server's caches and Chromium's
      timings.floor.push(floor);
      timings.inbox.push(inbox);
      timings.scores.push(scores);
    }
    const floor = median(timings.floor);
    const inbox = median(timings.inbox);
    const scores = median(timings.scores);

    console.log(`govinfo web benchmark — ${os.cpus().length} cores, Node ${process.version}, Chromium ${browser.version()}, SQLite, ${itemCount.toLocaleString('en')} items, median of ${RUNS}`);
    console.log(`  initial JavaScript, gzip: login page ${sizes.login.toFixed(0)} KB, officer's start page ${sizes.officerStart.toFixed(0)} KB  (target ≤ ${BUDGET_KB} KB each)`);
    console.log(`  floor: login page usable after      ${floor.toFixed(0)} ms`);
    console.log(`  editor's inbox usable after         ${inbox.toFixed(0)} ms  (${(inbox / floor).toFixed(1)} × floor; target ≤ ${USABLE_MS} ms)`);
    console.log(`  scores page usable after            ${scores.toFixed(0)} ms  (${(scores / floor).toFixed(1)} × floor; target ≤ ${USABLE_MS} ms)`);
    const met = sizes.login <= BUDGET_KB && sizes.officerStart <= BUDGET_KB && inbox <= USABLE_MS && scores <= USABLE_MS;
    console.log(met ? '  all targets met' : '  TARGET MISSED');
    process.exitCode = met ? 0 : 1;
  } finally {
    await browser?.close();
    await app.close();
  }
} finally {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

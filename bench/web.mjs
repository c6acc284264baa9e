// npm run bench:web — what the browser loads and how soon the busy pages are usable.
//
// 1. Bundle sizes from the build (dist/web/.vite/manifest.json): the JavaScript a page needs before
//    it shows — the entry chunk, the page's own chunk and everything they import statically —
//    gzip-compressed. Target: login page and the officer's start page (工作台) at most 500 KB each.
// 2. Timings in Debian's Chromium against the real server on SQLite with a year's demo ledger
//    (about 10,000 items): from navigation start (Chromium's performance timeline, performance.now())
//    until each busy page of the editor, the auditor and an officer shows its data with no spinner
//    left, on the first visit right after signing in (a new window, nothing cached) and on a repeat
//    visit. Floor, measured in the same run: the login page (static, no data) until its form shows.
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
import { confirmTotpEnrollment, startTotpEnrollment } from '../dist/services/auth/enroll-totp.js';
import { updateUser, findUserById } from '../dist/db/repositories/user.repository.js';
import { hashPassword } from '../dist/security/crypto.js';
import { totpCode } from '../dist/security/totp.js';
import { ADMIN_ROLES } from '../dist/shared/roles.js';
import { buildApp } from '../dist/server/app.js';
import { benchServerConfig } from './bench-config.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
// The server key (sealed TOTP secrets) of this throw-away database lives outside the work tree too.
process.env.GOVINFO_KEY_FILE ??= path.join(os.tmpdir(), 'govinfo-bench-key', 'govinfo.key');
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
  return [...keys]
    .filter((key) => manifest[key].file.endsWith('.js'))
    .reduce((sum, key) => sum + gzipKb(manifest[key].file), 0);
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
  const outcome = await importLedger(
    store.db,
    records.map((fields, i) => ({ fields, file: 'bench', line: i + 1 }))
  );
  if (!outcome.ok) throw new Error('the demo ledger did not import');
  const itemCount = outcome.stored.item;

  const password = 'Bench#Editor2026';
  const unitOf = (name) =>
    store.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
      .then((u) => u.id);
  const townId = await unitOf('沙湾镇');
  /** Each administrator's TOTP secret and the last time step used (the server accepts a step once). */
  const totp = new Map();
  /**
   * An account ready to sign in (no forced password change). An administrator's password is set as
   * `govinfo account reset-password` and its owner would, and its required second factor bound.
   */
  const account = async (username, role, unitId = null) => {
    const isAdmin = ADMIN_ROLES.includes(role);
    const actor = { id: null, username: 'bench', ip: 'local' };
    const { id } = await createAccount(
      store.db,
      actor,
      { username, displayName: `压测${role}`, role, unitId, ...(isAdmin ? {} : { password }) },
      new Date()
    );
    await updateUser(store.db, id, (await findUserById(store.db, id)).version, {
      must_change_password: 0,
      ...(isAdmin ? { password_hash: await hashPassword(password) } : {}),
    });
    if (isAdmin) {
      const { secret } = await startTotpEnrollment(store.db, actor, id, new Date());
      const step = Math.floor(Date.now() / 30_000) - 1;
      await confirmTotpEnrollment(store.db, actor, id, 'bench', totpCode(secret, new Date(step * 30_000)), new Date());
      totp.set(username, { secret, lastStep: step });
    }
    return username;
  };
  /** The next unused code of an administrator, waiting for a new time step when needed. */
  const codeFor = async (username) => {
    const entry = totp.get(username);
    if (!entry) return undefined;
    while (Math.floor(Date.now() / 30_000) + 1 <= entry.lastStep)
      await new Promise((resolve) => setTimeout(resolve, 1000));
    entry.lastStep = Math.max(entry.lastStep + 1, Math.floor(Date.now() / 30_000) - 1);
    return totpCode(entry.secret, new Date(entry.lastStep * 30_000));
  };
  const editor = await account('bench-editor', 'editor');
  const auditor = await account('bench-auditor', 'audit_admin');
  const officer = await account('bench-officer', 'officer', townId);
  const item = await store.db
    .selectFrom('items')
    .innerJoin('adoptions', 'adoptions.item_id', 'items.id')
    .select('items.id')
    .where('items.unit_id', '=', townId)
    .executeTakeFirstOrThrow();

  const config = benchServerConfig();
  const app = await buildApp({ db: store.db, config });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const newContext = () =>
      browser.newContext({ baseURL: address, viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });

    /**
     * Usable: the page's content shows what it is for (`selector` or `text`) with no spinner or
     * skeleton left in the content area. Polled every animation frame.
     */
    const isUsable = ({ selector, text }) => {
      const content = document.querySelector('.ant-layout-content') ?? document.body;
      if (content.querySelector('.ant-spin-spinning, .ant-skeleton')) return false;
      if (selector && !content.querySelector(selector)) return false;
      return !text || content.innerText.includes(text);
    };
    /** Milliseconds from navigation start until the page is usable. */
    const usableAfter = async (page, url, ready) => {
      await page.goto(url, { waitUntil: 'commit' });
      const handle = await page.waitForFunction(isUsable, ready, { polling: 'raf', timeout: 30_000 });
      await handle.dispose();
      return page.evaluate(() => performance.now());
    };
    /** A new window (empty cache) signed in through the API, as right after signing in. */
    const signedIn = async (username) => {
      const context = await newContext();
      const code = await codeFor(username);
      const response = await context.request.post('/api/auth/login', {
        data: { username, password, ...(code ? { totp: code } : {}) },
      });
      if (!response.ok()) throw new Error(`bench sign-in ${username}: ${response.status()}`);
      return { context, page: await context.newPage() };
    };

    const rows = '.ant-table-tbody .ant-table-row';
    const PAGES = [
      { name: 'editor: 工作台', user: editor, url: '/', ready: { text: '今天需要处理' } },
      { name: 'editor: 收稿箱', user: editor, url: '/editor/inbox', ready: { selector: rows } },
      { name: 'editor: 稿件详情', user: editor, url: `/items/${item.id}`, ready: { text: '稿件要素' } },
      { name: 'editor: 考核得分', user: editor, url: '/scores', ready: { selector: rows } },
      {
        name: 'editor: 单位得分明细',
        user: editor,
        url: `/scores/units/${townId}?year=${year}`,
        ready: { selector: rows },
      },
      { name: 'editor: 季度通报', user: editor, url: '/results', ready: { selector: '.ant-card' } },
      { name: 'editor: 约稿管理', user: editor, url: '/editor/solicitations', ready: { selector: rows } },
      { name: 'auditor: 审计日志', user: auditor, url: '/admin/audit', ready: { selector: rows } },
      { name: 'officer: 本单位稿件', user: officer, url: '/unit/items', ready: { selector: rows } },
      { name: 'officer: 本单位得分', user: officer, url: '/unit/progress', ready: { selector: rows } },
    ];

    const anonymous = await (await newContext()).newPage();
    const timings = { floor: [], first: PAGES.map(() => []), repeat: PAGES.map(() => []) };
    for (let run = 0; run < RUNS + 1; run++) {
      const floor = await usableAfter(anonymous, '/login', { selector: 'button[type=submit]' });
      const firsts = [];
      const repeats = [];
      for (const target of PAGES) {
        // First visit: a window that has just signed in, nothing cached; repeat: the same page again.
        const { context, page } = await signedIn(target.user);
        firsts.push(await usableAfter(page, target.url, target.ready));
        repeats.push(await usableAfter(page, target.url, target.ready));
        await context.close();
      }
      if (run === 0) continue; // the first run warms the server's caches
      timings.floor.push(floor);
      firsts.forEach((ms, i) => timings.first[i].push(ms));
      repeats.forEach((ms, i) => timings.repeat[i].push(ms));
    }
    const floor = median(timings.floor);

    console.log(
      `govinfo web benchmark — ${os.cpus().length} cores, Node ${process.version}, Chromium ${browser.version()}, SQLite, ${itemCount.toLocaleString('en')} items, median of ${RUNS}`
    );
    console.log(
      `  initial JavaScript, gzip: login page ${sizes.login.toFixed(0)} KB, officer's start page ${sizes.officerStart.toFixed(0)} KB  (target ≤ ${BUDGET_KB} KB each)`
    );
    console.log(`  floor: login page usable after ${floor.toFixed(0)} ms`);
    console.log(
      `  ${'page'.padEnd(24)} ${'first visit'.padStart(12)} ${'÷ floor'.padStart(8)} ${'repeat'.padStart(8)} ${'÷ floor'.padStart(8)}   (target ≤ ${USABLE_MS} ms)`
    );
    let met = sizes.login <= BUDGET_KB && sizes.officerStart <= BUDGET_KB;
    PAGES.forEach((target, i) => {
      const first = median(timings.first[i]);
      const repeat = median(timings.repeat[i]);
      met &&= first <= USABLE_MS && repeat <= USABLE_MS;
      const mark = first <= USABLE_MS && repeat <= USABLE_MS ? '' : '  ← over';
      console.log(
        `  ${target.name.padEnd(24)} ${`${first.toFixed(0)} ms`.padStart(12)} ${(first / floor).toFixed(1).padStart(8)} ${`${repeat.toFixed(0)} ms`.padStart(8)} ${(repeat / floor).toFixed(1).padStart(8)}${mark}`
      );
    });
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

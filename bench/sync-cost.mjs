// node bench/sync-cost.mjs — what SQLite's synchronous=FULL costs against NORMAL, in one run.
//
// Two figures per setting, alternated so a busy machine affects both alike: raw commits/s (one
// small transaction each, better-sqlite3 in WAL mode) and drafts/s through the real app
// (POST /api/items as an officer with app.inject: validation, the item, its event, the audit entry).
// FULL syncs the WAL at every commit, so an acknowledged write survives a power cut; NORMAL
// survives a process crash only. Environment: SYNC_BENCH_DRAFTS (default 300).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { openStore } from '../dist/services/open-store.js';
import { createAccount } from '../dist/services/accounts/manage-accounts.js';
import { findUserById, updateUser } from '../dist/db/repositories/user.repository.js';
import { listUnits } from '../dist/db/repositories/unit.repository.js';
import { buildApp } from '../dist/server/app.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../dist/server/plugins/access.js';
import { benchServerConfig } from './bench-config.mjs';

const DRAFTS = Number(process.env.SYNC_BENCH_DRAFTS ?? 300);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-bench-sync-'));
process.env.GOVINFO_KEY_FILE = path.join(dir, 'server.key');

function rawCommits(mode) {
  const file = path.join(dir, `raw-${mode}.db`);
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${mode}`);
  db.exec('create table t (id integer primary key, body text); create table h (id integer primary key, n int)');
  db.exec('insert into h values (1, 0)');
  const insert = db.prepare('insert into t (body) values (?)');
  const bump = db.prepare('update h set n = n + 1 where id = 1');
  const commit = db.transaction((body) => {
    insert.run(body);
    bump.run();
  });
  const n = 2000;
  const started = performance.now();
  for (let i = 0; i < n; i++) commit(`沙湾镇防汛工作${i}`);
  const perSecond = n / ((performance.now() - started) / 1000);
  db.close();
  return perSecond;
}

const store = await openStore(path.join(dir, 'app.db'));
const unitId = (await listUnits(store.db)).find((u) => u.name === '沙湾镇').id;
const password = 'Qz7#mPw2-Xin';
const { id } = await createAccount(
  store.db,
  { id: null, username: 'bench', ip: 'local' },
  { username: 'bench-officer', displayName: '压测信息员', role: 'officer', unitId, password },
  new Date()
);
await updateUser(store.db, id, (await findUserById(store.db, id)).version, { must_change_password: 0 });
const config = benchServerConfig();
const app = await buildApp({ db: store.db, config });
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'bench-officer', password },
});
const headers = {
  cookie: `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE).value}`,
  [CSRF_HEADER]: login.json().csrfToken,
};

async function drafts(mode) {
  await sql.raw(`pragma synchronous = ${mode}`).execute(store.db);
  const started = performance.now();
  for (let i = 0; i < DRAFTS; i++) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/items',
      headers,
      payload: {
        title: `沙湾镇防汛工作第${i}报`,
        body: '排查隐患点12处，转移群众300余人。',
        category: '本单位主要工作进展',
        reporter: '陈信息',
        phone: '020-84731234',
        isPublic: true,
        isOutsideRemit: false,
        isMajor: false,
      },
    });
    if (response.statusCode !== 201) throw new Error(`draft: ${response.statusCode} ${response.body}`);
  }
  return DRAFTS / ((performance.now() - started) / 1000);
}

const figures = { NORMAL: { raw: [], api: [] }, FULL: { raw: [], api: [] } };
try {
  for (let pass = 0; pass < 2; pass++) {
    for (const mode of ['NORMAL', 'FULL']) {
      figures[mode].raw.push(rawCommits(mode));
      figures[mode].api.push(await drafts(mode));
      fs.rmSync(path.join(dir, `raw-${mode}.db`), { force: true });
      for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(dir, `raw-${mode}.db${suffix}`), { force: true });
    }
  }
} finally {
  await app.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
const best = (list) => Math.round(Math.max(...list));
console.log(
  `SQLite synchronous cost — ${os.cpus().length} cores, Node ${process.version}, best of 2 alternated passes`
);
for (const mode of ['NORMAL', 'FULL'])
  console.log(
    `  ${mode.padEnd(6)} raw commits ${best(figures[mode].raw).toLocaleString('en')}/s   drafts via the API ${best(figures[mode].api).toLocaleString('en')}/s`
  );
console.log(
  `  FULL ÷ NORMAL: raw ${(best(figures.FULL.raw) / best(figures.NORMAL.raw)).toFixed(2)}, API ${(best(figures.FULL.api) / best(figures.NORMAL.api)).toFixed(2)}`
);

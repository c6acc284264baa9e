// npm run bench:scale — province-scale load on PostgreSQL: 4 server processes, then 1, for the scaling factor.
//
// Creates its own PostgreSQL database (govinfo_scale_<pid>, dropped at the end `with (force)`), adds
// 2,000 units in the four series and imports a year (2025) of about 500,000 generated ledger
// records, then creates editors and the officers and reviewers of many units. It starts real
// `./bin/govinfo serve` processes on that database (separate processes, separate ports) and drives
// bench/scale-load.mjs, a separate load process of 100 keep-alive connections spread over the
// servers, with the day's mix (inbox pages and searches, item pages, drafts and transitions,
// 接收并采用 with its version → 409 race, scores and explain): first against 1 process, then
// against 4, each twice: paced (each person pauses 0–2 s, mean BENCH_SCALE_THINK_MS, before each
// action: the day's load, which the latency targets are for) and saturated (no pause: as many
// requests as the servers answer, which the scaling factor is taken from). A person at work does
// not click again the instant a page answers; a saturated closed loop of 100 connections measures
// queueing at full capacity, not response time. Each run has a warm-up, then a measured period, and reports requests/s, per route
// count / p50 / p95 / p99 / errors (409s of the adoption race apart), the most connections the
// database had (pg_stat_activity, sampled every 250 ms), and the CPU seconds used by the servers,
// the load process and the whole PostgreSQL server, parallel query workers included (from /proc). Then the scaling factor (4 ÷ 1, saturated).
// Targets: p95 under 100 ms for every route but search and scores (under 300 ms), 0 errors.
// It prints PASS or MISS per target and exits 1 only when the run itself failed.
//
// The servers run with GOVINFO_LOGIN_RATE_LIMIT=10000 (every virtual user signs in once, from one
// address) and GOVINFO_COSTLY_RATE_LIMIT=1000000 (scores and explain are limited per account per
// minute, and a few accounts drive the whole load); everything else is the default.
// Environment: BENCH_SCALE_SECONDS (60), BENCH_SCALE_WARMUP_SECONDS (10), BENCH_SCALE_CONNECTIONS (100), BENCH_SCALE_THINK_MS (1000),
// BENCH_SCALE_PROCESSES (4), BENCH_SCALE_RECORDS (500000), BENCH_PG (server URL, default
// postgres://postgres@127.0.0.1:5432), BENCH_SCALE_KEEP_DATABASE=1 to keep the database for a look afterwards.
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { openStore } from '../dist/services/open-store.js';
import { importLedger } from '../dist/services/import-ledger.js';
import { generateDemoLedger } from '../dist/services/generate-demo.js';
import { insertUnits, listUnits } from '../dist/db/repositories/unit.repository.js';
import { createBenchUser as createUser, signIn } from './bench-accounts.mjs';

const SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 60);
const WARMUP_SECONDS = Number(process.env.BENCH_SCALE_WARMUP_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_SCALE_CONNECTIONS ?? 100);
/** Mean pause of a person between actions in the paced runs (the latency targets). */
const THINK_MS = Number(process.env.BENCH_SCALE_THINK_MS ?? 1000);
const PROCESSES = Number(process.env.BENCH_SCALE_PROCESSES ?? 4);
const RECORDS = Number(process.env.BENCH_SCALE_RECORDS ?? 500_000);
const PG_SERVER = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
const UNITS = 2_000;
const YEAR = 2025;
/** The share of connections that are editors; the rest are unit officers (with their reviewers). */
const EDITOR_SHARE = 0.3;
const EDITORS = 10;
const TARGET_MS = 100;
/** Routes allowed 300 ms at p95: the full-text search (a scan of titles and bodies) and the score board. */
const SLOW_TARGETS = { 'GET /api/items?q= (search)': 300, 'GET /api/scores': 300 };
const ROOT = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-scale-'));
const DATABASE = `govinfo_scale_${process.pid}`;
const location = `${PG_SERVER}/${DATABASE}`;
// The key that seals the audit log, shared by this process (which writes the set-up's audit
// records) and the servers; kept in the temporary directory, not in data/.
process.env.GOVINFO_KEY_FILE = path.join(dir, 'server.key');
const TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux.

const seconds = (ms) => (ms / 1000).toFixed(1);
const int = (n) => Math.round(n).toLocaleString('en');

async function adminQuery(text, values) {
  const client = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** utime + stime of a process in seconds, or undefined when it is gone. */
function cpuOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds the whole PostgreSQL server has used: its live processes, plus what the postmaster
 * collected from children that ended (a parallel query's workers live for that query only).
 */
function postgresCpu() {
  const processes = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      processes.set(
        Number(name),
        stat
          .slice(stat.lastIndexOf(')') + 2)
          .split(' ')
          .map(Number)
      );
    } catch {
      // The process ended while the list was read.
    }
  }
  let ticks = 0;
  for (const fields of processes.values()) {
    ticks += fields[11] + fields[12];
    if (!processes.has(fields[1])) ticks += fields[13] + fields[14];
  }
  return ticks / TICKS;
}

/** Busy and total jiffies of the whole machine (/proc/stat). */
function machineTicks() {
  const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = values.map(Number);
  const idle = n[3] + n[4];
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** The 80 seeded units plus enough more, spread over the four series, to make 2,000. */
async function addProvinceUnits(store) {
  const seeded = await listUnits(store.db);
  const series = ['town', 'dept_a', 'dept_b', 'direct'];
  await insertUnits(
    store.db,
    Array.from({ length: UNITS - seeded.length }, (_, i) => ({
      name: `省直报送单位${String(i + 1).padStart(4, '0')}`,
      series_code: series[i % series.length],
      sort_order: 1000 + i,
    }))
  );
  return listUnits(store.db);
}

/** A port nothing listens on (serve takes 1–65535, not 0). */
const freePort = () =>
  new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** Starts one `govinfo serve` process on a free port; resolves once it listens. */
async function startServer() {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=32', path.join(ROOT, 'bin/govinfo'), '--db', location, 'serve', '--port', String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        GOVINFO_DB: '',
        GOVINFO_LOG_LEVEL: 'warn',
        GOVINFO_SECURE_COOKIES: 'never',
        GOVINFO_LOGIN_RATE_LIMIT: '10000',
        GOVINFO_COSTLY_RATE_LIMIT: '1000000',
        GOVINFO_SMTP_URL: '',
        GOVINFO_IMAP_URL: '',
      },
    }
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /已启动：(http:\/\/[^\s（]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, address: match[1], output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk.toString();
      // Warnings and errors of a serving process are shown as they come.
      if (output.length < 20_000) process.stderr.write(chunk);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
}

/** Samples the database's connections and its backends' CPU every 250 ms until stopped. */
function startSampler() {
  const client = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  const backends = new Map(); // pid → { first, last } CPU seconds
  let maxTotal = 0;
  let maxActive = 0;
  let maxWorkers = 0;
  let stopped = false;
  let started = false;
  const done = (async () => {
    await client.connect();
    while (!stopped) {
      const { rows } = await client.query('select pid, state, backend_type from pg_stat_activity where datname = $1', [
        DATABASE,
      ]);
      // Connections are client backends; parallel query workers (started per query) are counted apart.
      const clients = rows.filter((r) => r.backend_type === 'client backend');
      maxTotal = Math.max(maxTotal, clients.length);
      maxActive = Math.max(maxActive, clients.filter((r) => r.state === 'active').length);
      maxWorkers = Math.max(maxWorkers, rows.length - clients.length);
      for (const { pid } of rows) {
        const cpu = cpuOf(pid);
        if (cpu === undefined) continue;
        const seen = backends.get(pid);
        if (seen) seen.last = cpu;
        // A backend already running when sampling starts is counted from then; a new one from its start.
        else backends.set(pid, { first: started ? 0 : cpu, last: cpu });
      }
      started = true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await client.end();
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      let cpu = 0;
      for (const { first, last } of backends.values()) cpu += last - first;
      return { maxTotal, maxActive, maxWorkers, backendCpu: cpu, backends: backends.size };
    },
  };
}

/** Runs the load process for `seconds` against `addresses` and returns its report. */
function drive(addresses, seconds, thinkMs, people) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'scale-load.mjs'), { stdio: 'inherit' });
    child.once('message', resolve);
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`the load process exited with ${code}`)));
    child.send({ addresses, seconds, thinkMs, connections: CONNECTIONS, editorShare: EDITOR_SHARE, ...people });
  });
}

/** A warm-up, then the measured run, with connections, CPU and the machine's load measured around it. */
async function measure(servers, people, thinkMs) {
  const addresses = servers.map((s) => s.address);
  await drive(addresses, WARMUP_SECONDS, thinkMs, people);
  const sampler = startSampler();
  const serverCpu = servers.map((s) => cpuOf(s.child.pid));
  const postgresBefore = postgresCpu();
  const machine = machineTicks();
  const started = performance.now();
  const report = await drive(addresses, SECONDS, thinkMs, people);
  const elapsed = (performance.now() - started) / 1000;
  const machineAfter = machineTicks();
  const perServer = servers.map((s, i) => cpuOf(s.child.pid) - serverCpu[i]);
  const postgres = postgresCpu() - postgresBefore;
  const database = await sampler.stop();
  return {
    processes: servers.length,
    thinkMs,
    report,
    elapsed,
    rps: report.total / SECONDS,
    serverCpu: perServer,
    postgresCpu: postgres,
    database,
    machineBusy: (machineAfter.busy - machine.busy) / (machineAfter.total - machine.total),
    machineBusySeconds: (machineAfter.busy - machine.busy) / TICKS,
  };
}

function targetOf(route) {
  return SLOW_TARGETS[route] ?? TARGET_MS;
}

function print(run) {
  const { report } = run;
  const errors = report.errors.length;
  const expected = Object.entries(report.expected);
  console.log(
    `\n${run.processes} server process${run.processes > 1 ? 'es' : ''}, ${CONNECTIONS} connections × ${SECONDS} s (after ${WARMUP_SECONDS} s warm-up), ` +
      (run.thinkMs > 0
        ? `paced: each person pauses 0–${(2 * run.thinkMs) / 1000} s (mean ${run.thinkMs / 1000} s) before each action`
        : 'saturated: each connection sends its next request as soon as the last is answered')
  );
  console.log(
    `  throughput ${int(run.rps)} requests/s (${int(report.total)} requests), errors ${errors}, expected refusals: ${expected.length ? expected.map(([k, n]) => `${k} × ${n}`).join(', ') : 'none'}`
  );
  console.log('  route                              count    p50 ms   p95 ms   p99 ms  errors  target p95');
  for (const r of report.routes) {
    const target = targetOf(r.route);
    console.log(
      `  ${r.route.padEnd(32)} ${String(r.count).padStart(7)} ${r.p50.toFixed(1).padStart(9)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${String(r.errors).padStart(7)}  < ${target} ms ${r.p95 < target ? 'PASS' : 'MISS'}`
    );
  }
  for (const e of report.errors.slice(0, 10)) console.log(`  error: ${e.route} ${e.status} ${e.body}`);
  console.log(
    `  PostgreSQL connections to ${DATABASE}: at most ${run.database.maxTotal} (${run.database.maxActive} active at once; pool of 10 per process), and at most ${run.database.maxWorkers} parallel query workers`
  );
  const serverTotal = run.serverCpu.reduce((a, b) => a + b, 0);
  const ours = serverTotal + report.cpuSeconds + run.postgresCpu;
  console.log(
    `  CPU seconds over ${SECONDS} s: servers ${serverTotal.toFixed(1)} (${run.serverCpu.map((c) => c.toFixed(1)).join(' + ')}), ` +
      `load process ${report.cpuSeconds.toFixed(1)}, PostgreSQL ${run.postgresCpu.toFixed(1)} (all its processes; the connections' backends alone ${run.database.backendCpu.toFixed(1)}); ` +
      `machine busy ${(run.machineBusy * 100).toFixed(0)}% of ${os.cpus().length} cores = ${run.machineBusySeconds.toFixed(1)} s, of which ${Math.max(0, run.machineBusySeconds - ours).toFixed(1)} s not these processes; load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`
  );
}

let exitCode = 0;
const servers = [];
await adminQuery(`create database ${DATABASE}`);
try {
  const setup = performance.now();
  const store = await openStore(location);
  let people;
  let itemCount;
  let recordCount;
  try {
    const units = await addProvinceUnits(store);
    // About 65,700 records per unit of intensity for 2,000 units in a year, plus some 8,200 solicitation responses.
    const intensity = Math.max(0.05, (RECORDS - 8_200) / 65_700);
    let records = generateDemoLedger({
      year: YEAR,
      units: units.map((u) => ({ name: u.name, series: u.series_code })),
      seed: 29,
      intensity,
      idPrefix: 'S',
    });
    recordCount = records.length;
    const imported = performance.now();
    const outcome = await importLedger(
      store.db,
      records.map((fields, i) => ({ fields, file: 'scale', line: i + 1 }))
    );
    if (!outcome.ok) throw new Error(outcome.problems.slice(0, 3).join('\n'));
    const importMs = performance.now() - imported;
    records = undefined;
    await sql`analyze`.execute(store.db);
    itemCount = Number((await sql`select count(*) as n from items`.execute(store.db)).rows[0].n);
    // Items of the year editors open from the inbox.
    const itemIds = (await sql`select id from items order by random() limit 5000`.execute(store.db)).rows.map(
      (r) => r.id
    );

    // Officers and reviewers of towns and departments (the series that report most), and editors.
    const reporting = units.filter((u) => u.series_code !== 'direct');
    const officerConnections = CONNECTIONS - Math.round(CONNECTIONS * EDITOR_SHARE);
    const step = Math.max(1, Math.floor(reporting.length / officerConnections));
    const officerUnits = Array.from({ length: officerConnections }, (_, i) => reporting[(i * step) % reporting.length]);
    const accounts = [];
    for (const unit of officerUnits)
      accounts.push({
        unit: unit.name,
        officer: await createUser(store, `scale-officer-${unit.id}`, 'officer', unit.id),
        reviewer: await createUser(store, `scale-reviewer-${unit.id}`, 'reviewer', unit.id),
      });
    const editorNames = [];
    for (let i = 1; i <= EDITORS; i++) editorNames.push(await createUser(store, `scale-editor-${i}`, 'editor', null));
    people = { accounts, editorNames, units: units.map((u) => u.name), year: YEAR, itemIds };
    console.log(
      `govinfo scale benchmark — ${os.cpus().length} cores, Node ${process.version}, PostgreSQL ${(await sql`show server_version`.execute(store.db)).rows[0].server_version}, database ${DATABASE}`
    );
    console.log(
      `data: ${units.length.toLocaleString('en')} units, ${recordCount.toLocaleString('en')} ledger records of ${YEAR} imported in ${seconds(importMs)} s ` +
        `(${itemCount.toLocaleString('en')} items), ${accounts.length} officers and ${accounts.length} reviewers of ${accounts.length} units, ${EDITORS} editors; ` +
        `set up in ${seconds(performance.now() - setup)} s`
    );
  } finally {
    await store.close();
  }

  // One process first; the same first process then serves with three more.
  servers.push(await startServer());
  const sessions = {
    officers: [],
    editors: [],
    units: people.units,
    year: people.year,
    itemIds: people.itemIds,
  };
  for (const a of people.accounts)
    sessions.officers.push({
      unit: a.unit,
      officer: await signIn(servers[0].address, a.officer),
      reviewer: await signIn(servers[0].address, a.reviewer),
    });
  for (const name of people.editorNames) sessions.editors.push(await signIn(servers[0].address, name));
  console.log(
    `mix: ${Math.round(CONNECTIONS * EDITOR_SHARE)} editor connections (${EDITORS} accounts), ${CONNECTIONS - Math.round(CONNECTIONS * EDITOR_SHARE)} officer connections (one unit each, with its reviewer); ` +
      `servers with GOVINFO_LOGIN_RATE_LIMIT=10000 and GOVINFO_COSTLY_RATE_LIMIT=1000000 (each virtual user signs in once)`
  );

  // Paced: the day's load, for the latency targets. Saturated: as fast as the servers answer, for the scaling factor.
  const onePaced = await measure(servers, sessions, THINK_MS);
  print(onePaced);
  const one = await measure(servers, sessions, 0);
  print(one);
  while (servers.length < PROCESSES) servers.push(await startServer());
  const manyPaced = await measure(servers, sessions, THINK_MS);
  print(manyPaced);
  const many = await measure(servers, sessions, 0);
  print(many);

  const counter = new pg.Client({ connectionString: location });
  await counter.connect();
  const itemsAfter = (await counter.query('select count(*)::int as n from items')).rows[0].n;
  await counter.end();
  const factor = many.rps / one.rps;
  const cpuSum = (run) => run.serverCpu.reduce((a, b) => a + b, 0);
  console.log(
    `\nscaling: ${PROCESSES} processes ${int(many.rps)} requests/s ÷ 1 process ${int(one.rps)} requests/s = ${factor.toFixed(2)} ` +
      `(server CPU ${cpuSum(many).toFixed(1)} s against ${cpuSum(one).toFixed(1)} s, PostgreSQL ${many.postgresCpu.toFixed(1)} s against ${one.postgresCpu.toFixed(1)} s, ` +
      `machine busy ${(many.machineBusy * 100).toFixed(0)}% against ${(one.machineBusy * 100).toFixed(0)}%; ${os.cpus().length} cores cannot scale linearly)`
  );
  console.log(
    `items at the end: ${itemsAfter.toLocaleString('en')} (${itemCount.toLocaleString('en')} before the runs)`
  );
  for (const run of [onePaced, one, manyPaced, many]) {
    const misses = run.report.routes.filter((r) => r.p95 >= targetOf(r.route));
    console.log(
      `  ${run.processes} process${run.processes > 1 ? 'es' : ''}, ${run.thinkMs > 0 ? 'paced' : 'saturated'}: p95 targets ${misses.length ? `MISS (${misses.map((r) => `${r.route} ${r.p95.toFixed(0)} ms`).join(', ')})` : 'PASS'}; ` +
        `errors ${run.report.errors.length === 0 ? 'PASS (0)' : `MISS (${run.report.errors.length})`}`
    );
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  for (const s of servers) s.child.kill('SIGTERM');
  await Promise.all(
    servers.map(
      (s) => new Promise((resolve) => (s.child.exitCode !== null ? resolve() : s.child.once('exit', resolve)))
    )
  );
  if (process.env.BENCH_SCALE_KEEP_DATABASE)
    console.log(`kept ${location} (GOVINFO_KEY_FILE=${process.env.GOVINFO_KEY_FILE})`);
  else {
    await adminQuery(`drop database if exists ${DATABASE} with (force)`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(exitCode);

// npm run bench:scoring (node --max-semi-space-size=32, as ./bin/govinfo runs) — province-scale import and scoring, each against a floor measured in the same run.
//
// Generates (in a child process) 2,000 units in the four series and a ledger of 1,000,000 records over two
// years (JSON Lines), then on SQLite (and PostgreSQL when reachable) times:
//   import      readLedgerFile + importLedger, exactly what `govinfo import FILE` runs;
//   its floor   the same files read by the same reader and inserted without checks into a fresh database
//               with the same tables, keys and indexes: one transaction on SQLite, COPY on PostgreSQL;
//   scores      computeScores for the second year, what `govinfo scores --year Y --json` runs (best of 3),
//               and the whole CLI process once;
//   its floor   one raw `SELECT unit_id, period, SUM(points) … GROUP BY unit_id, period` over a table of
//               as many precomputed bookings as the ledger has records, with the same covering index.
// Environment: BENCH_RECORDS (default 1000000), BENCH_PG (server URL, default postgres://postgres@127.0.0.1:5432),
// BENCH_SKIP_PG=1 to skip PostgreSQL.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { openStore } from '../dist/services/open-store.js';
import { readLedgerFile } from '../dist/files/read-ledger-file.js';
import { importLedger } from '../dist/services/import-ledger.js';
import { computeScores } from '../dist/services/compute-scores.js';
import { generateDemoLedger } from '../dist/services/generate-demo.js';
import { insertUnits, listUnits } from '../dist/db/repositories/unit.repository.js';
import { bulkInsert, copyInto } from '../dist/db/repositories/bulk.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const UNITS = 2_000;
const YEARS = [2011, 2012];
const PG_SERVER = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
const ROOT = path.resolve(import.meta.dirname, '..');
const dir = process.env.BENCH_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-bench-'));

const seconds = (ms) => (ms / 1000).toFixed(2);
const time = async (work) => {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
};

/** The 80 seeded units plus enough more, spread over the four series, to make 2,000. */
async function addProvinceUnits(store) {
  const seeded = await listUnits(store.db);
  const series = ['town', 'dept_a', 'dept_b', 'direct'];
  const extra = Array.from({ length: UNITS - seeded.length }, (_, i) => ({
    name: `省直报送单位${String(i + 1).padStart(4, '0')}`,
    series_code: series[i % series.length],
    sort_order: 1000 + i,
  }));
  await insertUnits(store.db, extra);
  return (await listUnits(store.db)).map((u) => ({ name: u.name, series: u.series_code }));
}

/**
 * The ledger as one JSON Lines file per year, as offices keep them (and each under the import's
 * 150 MB limit). Intensity is chosen so 2,000 units over two years give the requested record count.
 */
function writeLedger(units) {
  const intensity = (RECORDS / 1_000_000) * 7.5;
  let records = generateDemoLedger({ year: YEARS, units, seed: 42, intensity, idPrefix: 'B' });
  if (records.length > RECORDS) records = records.slice(0, RECORDS);
  // Split by the year of the item or solicitation each record belongs to.
  const yearOf = new Map();
  for (const r of records) {
    if (r.type === 'item') yearOf.set(`item:${r.id}`, r.submitted.slice(0, 4));
    if (r.type === 'solicitation') yearOf.set(`solicitation:${r.id}`, r.deadline.slice(0, 4));
  }
  const byYear = new Map(YEARS.map((y) => [String(y), []]));
  for (const r of records) {
    const year =
      r.type === 'item'
        ? r.submitted.slice(0, 4)
        : r.type === 'solicitation'
          ? r.deadline.slice(0, 4)
          : r.type === 'response'
            ? yearOf.get(`solicitation:${r.solicitation}`)
            : r.type === 'penalty'
              ? r.date.slice(0, 4)
              : yearOf.get(`item:${r.item}`);
    (byYear.get(year) ?? byYear.get(String(YEARS[0]))).push(r);
  }
  return {
    count: records.length,
    // A small BENCH_RECORDS can stop within the first year: write only years that have records.
    files: YEARS.filter((year) => byYear.get(String(year)).length > 0).map((year) => {
      const file = path.join(dir, `ledger-${year}.jsonl`);
      fs.writeFileSync(
        file,
        byYear
          .get(String(year))
          .map((r) => JSON.stringify(r))
          .join('\n') + '\n'
      );
      return file;
    }),
    get bytes() {
      return this.files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    },
  };
}

/**
 * The import floor: the same files parsed by the same reader and their records inserted without any
 * check into the same tables (a fresh database with the same columns, keys and indexes), ids assigned
 * in memory. SQLite: multi-row INSERTs in one transaction; PostgreSQL: `COPY … FROM STDIN`, one
 * transaction. Bookings are not part of the files, so the floor writes none.
 */
async function importFloor(location, ledger, postgres) {
  const store = await openStore(location);
  try {
    await addProvinceUnits(store);
    const unitIds = new Map((await listUnits(store.db)).map((u) => [u.name, u.id]));
    const load = (trx, table, columns, rows) =>
      postgres ? copyInto(trx, table, columns, rows) : bulkInsert(trx, table, columns, rows);
    return await time(() =>
      store.db.transaction().execute(async (trx) => {
        const itemIds = new Map();
        const solicitationIds = new Map();
        let penaltyId = 0;
        for (const file of ledger.files) {
          const tables = {
            items: [],
            adoptions: [],
            instructions: [],
            upwards: [],
            solicitations: [],
            targets: [],
            responses: [],
            penalties: [],
          };
          for (const { fields: f } of (await readLedgerFile(file)).records) {
            if (f.type === 'item') {
              itemIds.set(f.id, itemIds.size + 1);
              tables.items.push([
                itemIds.size,
                f.id,
                unitIds.get(f.unit),
                f.title,
                f.submitted,
                f.body ?? null,
                f.category ?? null,
                f.submitted,
                'received',
              ]);
            } else if (f.type === 'adoption')
              tables.adoptions.push([f.id, itemIds.get(f.item), f.outlet, f.kind ?? null, f.date, f.issue ?? null]);
            else if (f.type === 'instruction')
              tables.instructions.push([f.id, itemIds.get(f.item), f.level, f.date, f.leader ?? null, f.text ?? null]);
            else if (f.type === 'upward')
              tables.upwards.push([f.id, itemIds.get(f.item), f.level, f.kind ?? null, f.date]);
            else if (f.type === 'solicitation') {
              solicitationIds.set(f.id, solicitationIds.size + 1);
              tables.solicitations.push([solicitationIds.size, f.id, f.issuer, f.title, f.deadline, f.units ? 0 : 1]);
              for (const unit of f.units ?? []) tables.targets.push([solicitationIds.size, unitIds.get(unit)]);
            } else if (f.type === 'response')
              tables.responses.push([f.id, solicitationIds.get(f.solicitation), itemIds.get(f.item)]);
            else if (f.type === 'penalty')
              tables.penalties.push([++penaltyId, f.id, unitIds.get(f.unit), f.reason, f.date, f.note ?? null]);
          }
          await load(
            trx,
            'items',
            ['id', 'ref', 'unit_id', 'title', 'submitted', 'body', 'category', 'sent_at', 'status'],
            tables.items
          );
          await load(
            trx,
            'solicitations',
            ['id', 'ref', 'issuer', 'title', 'deadline', 'all_units'],
            tables.solicitations
          );
          await load(trx, 'solicitation_units', ['solicitation_id', 'unit_id'], tables.targets);
          await load(trx, 'adoptions', ['ref', 'item_id', 'outlet', 'kind', 'date', 'issue'], tables.adoptions);
          await load(trx, 'instructions', ['ref', 'item_id', 'level', 'date', 'leader', 'text'], tables.instructions);
          await load(trx, 'upwards', ['ref', 'item_id', 'level', 'kind', 'date'], tables.upwards);
          await load(trx, 'responses', ['ref', 'solicitation_id', 'item_id'], tables.responses);
          await load(trx, 'penalties', ['id', 'ref', 'unit_id', 'reason', 'date', 'note'], tables.penalties);
        }
      })
    );
  } finally {
    await store.close();
  }
}

async function runDialect(label, location, ledger, floorLocation) {
  const floor = await importFloor(floorLocation, ledger, label === 'PostgreSQL');
  const store = await openStore(location);
  try {
    await addProvinceUnits(store);
    const imported = await time(async () => {
      for (const file of ledger.files) {
        const read = await readLedgerFile(file);
        if (read.problems.length > 0) throw new Error(read.problems.slice(0, 3).join('\n'));
        const outcome = await importLedger(store.db, read.records);
        if (!outcome.ok) throw new Error(outcome.problems.slice(0, 3).join('\n'));
      }
    });
    const {
      rows: [{ n: bookings }],
    } = await sql`select count(*) as n from bookings`.execute(store.db);

    const scoreRuns = [];
    for (let i = 0; i < 3; i++) scoreRuns.push((await time(() => computeScores(store.db, { year: YEARS[1] }))).ms);
    const scoresMs = Math.min(...scoreRuns);

    const cli = await time(async () =>
      execFileSync(
        process.execPath,
        [path.join(ROOT, 'bin/govinfo'), '--db', location, 'scores', '--year', String(YEARS[1]), '--json'],
        { maxBuffer: 256 * 1024 * 1024 }
      )
    );

    // The floor: the same GROUP BY over as many raw precomputed bookings, with the same covering index.
    await sql`create table floor_bookings (unit_id integer not null, period integer not null, points integer not null)`.execute(
      store.db
    );
    const rows = Array.from({ length: ledger.count }, (_, i) => [
      1 + (i % UNITS),
      YEARS[0] * 4 + (i % 8),
      (i % 11) - 2,
    ]);
    await store.db
      .transaction()
      .execute((trx) => bulkInsert(trx, 'floor_bookings', ['unit_id', 'period', 'points'], rows));
    await sql`create index floor_bookings_unit_period on floor_bookings (unit_id, period, points)`.execute(store.db);
    if (label === 'PostgreSQL') await sql`analyze`.execute(store.db);
    const floorRuns = [];
    for (let i = 0; i < 3; i++) {
      floorRuns.push(
        (
          await time(() =>
            sql`select unit_id, period, sum(points) as points from floor_bookings group by unit_id, period`.execute(
              store.db
            )
          )
        ).ms
      );
    }
    const floorMs = Math.min(...floorRuns);

    const rate = ledger.count / (imported.ms / 1000);
    const perSecond = (ms) => Math.round(ledger.count / (ms / 1000)).toLocaleString('en');
    console.log(`\n${label}`);
    console.log(
      `  import   ${ledger.count.toLocaleString('en')} records (${ledger.files.length} files) in ${seconds(imported.ms)} s = ${perSecond(imported.ms)} records/s  → ${Number(bookings).toLocaleString('en')} bookings`
    );
    console.log(
      `  floor    the same files parsed and inserted without checks (${label === 'PostgreSQL' ? 'COPY … FROM STDIN' : 'one transaction'}): ${seconds(floor.ms)} s = ${perSecond(floor.ms)} records/s`
    );
    console.log(`  ratio    import ÷ floor = ${(imported.ms / floor.ms).toFixed(2)}  (target ≤ 2)`);
    console.log(
      `  scores   --year ${YEARS[1]}: ${seconds(scoresMs)} s in process (best of 3: ${scoreRuns.map(seconds).join(', ')}), ${seconds(cli.ms)} s as a CLI process  (target < 1.5 s)`
    );
    console.log(
      `  floor    raw GROUP BY over ${ledger.count.toLocaleString('en')} precomputed bookings: ${seconds(floorMs)} s (best of 3)`
    );
    console.log(`  ratio    scores ÷ floor = ${(scoresMs / floorMs).toFixed(2)}  (target ≤ 2)`);
    return { rate, scoresMs, floorMs, cliMs: cli.ms };
  } finally {
    await store.close();
  }
}

async function postgresReachable() {
  if (process.env.BENCH_SKIP_PG) return false;
  const client = new pg.Client({ connectionString: `${PG_SERVER}/postgres`, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function adminQuery(text) {
  const client = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The generator half: writes the ledger files and reports them as JSON on stdout. */
async function generate() {
  const unitStore = await openStore(path.join(dir, 'units.db'));
  const units = await addProvinceUnits(unitStore);
  await unitStore.close();
  const ledger = writeLedger(units);
  process.stdout.write(
    JSON.stringify({ count: ledger.count, files: ledger.files, bytes: ledger.bytes, units: units.length })
  );
}

if (process.argv[2] === '--generate') {
  await generate();
  process.exit(0);
}

try {
  console.log(`govinfo scoring benchmark — ${os.cpus().length} cores, Node ${process.version}`);
  // Generated in a child process, so the import starts on a heap as clean as the command line's.
  const generated = await time(async () =>
    JSON.parse(
      execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--generate'], {
        env: { ...process.env, BENCH_DIR: dir },
        maxBuffer: 1024 * 1024,
      }).toString()
    )
  );
  const ledger = generated.value;
  console.log(
    `ledger: ${ledger.units} units, ${ledger.count.toLocaleString('en')} records over ${YEARS.join('–')}, ${ledger.files.length} JSON Lines files of ${(ledger.bytes / 1024 / 1024).toFixed(1)} MB in all (generated in ${seconds(generated.ms)} s)`
  );

  const sqlite = await runDialect(
    'SQLite (better-sqlite3, WAL)',
    path.join(dir, 'bench.db'),
    ledger,
    path.join(dir, 'floor.db')
  );

  if (await postgresReachable()) {
    const names = [`govinfo_bench_${process.pid}`, `govinfo_bench_floor_${process.pid}`];
    for (const name of names) await adminQuery(`create database ${name}`);
    try {
      const postgres = await runDialect('PostgreSQL', `${PG_SERVER}/${names[0]}`, ledger, `${PG_SERVER}/${names[1]}`);
      console.log(
        `\nPostgreSQL import ÷ SQLite import speed = ${(postgres.rate / sqlite.rate).toFixed(2)}  (target ≥ 1)`
      );
    } finally {
      for (const name of names) await adminQuery(`drop database if exists ${name} with (force)`);
    }
  } else {
    console.log('\nPostgreSQL: not reachable (or BENCH_SKIP_PG set) — skipped');
  }
} finally {
  if (process.argv[2] !== '--generate') fs.rmSync(dir, { recursive: true, force: true });
}

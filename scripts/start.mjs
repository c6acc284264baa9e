// `npm start`: the system on its embedded default. Until the server exists, it sets up the
// default database (schema, the 80 units of the annex, the panyu-2010 policy), fills it with a
// demo year when it holds no records, and prints that year's scores.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
execFileSync(process.execPath, [path.join(root, 'scripts', 'ensure-ready.mjs')], { stdio: 'inherit' });

const { openStore, resolveDatabaseLocation } = await import('../dist/services/open-store.js');
const { hasRecords } = await import('../dist/db/repositories/ledger.repository.js');
const { latestBookingPeriod } = await import('../dist/db/repositories/booking.repository.js');
const { todayInChina, yearOf } = await import('../dist/domain/dates.js');

const location = resolveDatabaseLocation(undefined);
const govinfo = (...args) => execFileSync(process.execPath, [path.join(root, 'bin', 'govinfo'), '--db', location, ...args], { stdio: 'inherit' });

const store = await openStore(location);
const isEmpty = !(await hasRecords(store.db));
await store.close();

const demoYear = yearOf(todayInChina()) - 1;
if (isEmpty) govinfo('demo', '--year', String(demoYear));
else console.log(`数据库 ${location} 已有台账记录，未生成演示数据。`);

// The year to show: the demo year, or the latest year the stored records score in.
const reopened = await openStore(location);
const latest = await latestBookingPeriod(reopened.db);
await reopened.close();
const year = latest === null ? demoYear : Math.floor(latest / 4);
console.log('');
govinfo('scores', '--year', String(year));
console.log(`\n下一步：./bin/govinfo --help 查看全部命令；./bin/govinfo explain --unit 沙湾镇 --year ${year} 查看某单位的每一笔记分。`);

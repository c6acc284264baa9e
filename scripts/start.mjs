// `npm start`: the system on its embedded default. Installs and builds what it needs, sets up the
// default database (schema, the 80 units of the annex, the panyu-2010 policy), fills it with a demo
// year when it holds no records (so there is something to look at), then starts the server. On the
// first start the system administrator's one-time password is printed once.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
execFileSync(process.execPath, [path.join(root, 'scripts', 'ensure-ready.mjs')], { stdio: 'inherit' });

const { openStore, resolveDatabaseLocation } = await import('../dist/services/open-store.js');
const { hasRecords } = await import('../dist/db/repositories/ledger.repository.js');

const location = resolveDatabaseLocation(undefined);
const govinfo = path.join(root, 'bin', 'govinfo');
const store = await openStore(location);
const isEmpty = !(await hasRecords(store.db));
await store.close();
if (isEmpty) execFileSync(process.execPath, [govinfo, '--db', location, 'demo'], { stdio: 'inherit' });

const port = process.env.PORT ?? '8080';
const host = process.env.HOST ?? '127.0.0.1';
const server = spawn(process.execPath, [govinfo, '--db', location, 'serve', '--host', host, '--port', port], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

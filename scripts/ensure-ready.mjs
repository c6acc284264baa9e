// Installs the npm packages and builds dist/ when they are missing or older than their sources,
// so `npm start` and `npm test` work on a fresh clone with only Node 20 and npm.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const at = (...parts) => path.join(root, ...parts);
const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
const run = (command) => execSync(command, { cwd: root, stdio: 'inherit' });

/** The newest modification time of any file under a directory. */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : mtime(full));
  }
  return latest;
}

const installed = at('node_modules', '.package-lock.json');
// A git worktree may share another checkout's packages through a node_modules symlink; npm ci
// there would empty the other checkout's folder, so it is left to that checkout to install.
const isShared = fs.lstatSync(at('node_modules'), { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
const isStale = !fs.existsSync(installed) || mtime(at('package-lock.json')) > mtime(installed);
if (isStale && isShared) {
  console.error('govinfo: node_modules links to another checkout: not reinstalling here (run npm ci there)');
} else if (isStale) {
  console.error('govinfo: installing npm packages (npm ci; better-sqlite3 compiles once, about a minute)…');
  run('npm ci --no-audit --no-fund');
}

const built = at('dist', 'cli', 'main.js');
if (!fs.existsSync(built) || Math.max(newest(at('src')), mtime(at('tsconfig.json'))) > mtime(built)) {
  console.error('govinfo: building (tsc)…');
  run('npx tsc -p tsconfig.json');
  // tsc leaves unchanged outputs untouched; stamp the entry point so the next check sees a fresh build.
  const now = new Date();
  fs.utimesSync(built, now, now);
}

// The web pages: built by Vite into dist/web when older than their sources (the pages import
// src/shared and src/domain too).
const page = at('dist', 'web', 'index.html');
const webSources = Math.max(newest(at('web')), newest(at('src', 'shared')), newest(at('src', 'domain')));
if (!fs.existsSync(page) || webSources > mtime(page)) {
  console.error('govinfo: building the web pages (vite)…');
  run('npx vite build --config web/vite.config.ts --logLevel warn');
}

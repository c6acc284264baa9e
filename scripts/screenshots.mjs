// Refreshes the README's screenshots: the browser tests (test/e2e/) save theirs into
// docs/screenshots instead of a temporary folder. Run after scripts/ensure-ready.mjs has built
// the pages (`npm run screenshots` does both).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const result = spawnSync('npx', ['vitest', 'run', '--project', 'e2e'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, GOVINFO_SCREENSHOTS: path.join(root, 'docs', 'screenshots') },
});
process.exit(result.status ?? 1);

import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** The web pages' import aliases (web/vite.config.ts), for tests of page logic. */
const webAliases = {
  '@shared': path.resolve(import.meta.dirname, 'src/shared'),
  '@domain': path.resolve(import.meta.dirname, 'src/domain'),
};

/** The server key the tests' servers and commands use: outside the work tree, which the tests never write to. */
const GOVINFO_KEY_FILE = path.join(os.tmpdir(), 'govinfo-test-key', 'govinfo.key');

/**
 * Pure rules run once; everything that touches a database runs once per dialect:
 * SQLite always, PostgreSQL when one is reachable (see test/helpers/test-store.ts).
 */
const integration = (dialect: 'sqlite' | 'postgres') => ({
  test: {
    name: dialect,
    include: ['test/integration/**/*.test.ts'],
    env: { GOVINFO_TEST_DIALECT: dialect, GOVINFO_KEY_FILE },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

const browser = (dialect: 'sqlite' | 'postgres') => ({
  test: {
    name: dialect === 'sqlite' ? 'e2e' : 'e2e-postgres',
    include: ['test/e2e/**/*.e2e.test.ts'],
    env: { GOVINFO_TEST_DIALECT: dialect, GOVINFO_KEY_FILE },
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    // Two test files at a time, even on two cores (vitest would take one): most of a file's time is
    // spent waiting on PostgreSQL, a server process or the browser, and the suite ran in 22 min
    // instead of 51 on this machine. Browser files still run one at a time per project.
    maxWorkers: 2,
    projects: [
      // test/unit/web-*: the web pages' logic and components (typechecked with web/tsconfig.json);
      // component tests choose jsdom with a `@vitest-environment jsdom` comment.
      { resolve: { alias: webAliases }, test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'] } },
      integration('sqlite'),
      integration('postgres'),
      // The browser run: the built pages in Debian's Chromium against the real server, on SQLite and
      // again on PostgreSQL when one is reachable. One file at a time: each starts a browser.
      browser('sqlite'),
      browser('postgres'),
    ],
  },
});

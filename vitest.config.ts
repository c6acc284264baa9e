import { defineConfig } from 'vitest/config';

/**
 * Pure rules run once; everything that touches a database runs once per dialect:
 * SQLite always, PostgreSQL when one is reachable (see test/helpers/test-store.ts).
 */
const integration = (dialect: 'sqlite' | 'postgres') => ({
  test: {
    name: dialect,
    include: ['test/integration/**/*.test.ts'],
    env: { GOVINFO_TEST_DIALECT: dialect },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      integration('sqlite'),
      integration('postgres'),
    ],
  },
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Store } from '../../src/db/connect.js';
import { openStore } from '../../src/services/open-store.js';

/** The dialect this test project runs on (vitest.config.ts sets it per project). */
export const dialect = (process.env.GOVINFO_TEST_DIALECT ?? 'sqlite') as 'sqlite' | 'postgres';

/** The PostgreSQL server the tests use: trust auth on these machines; override with GOVINFO_TEST_PG. */
const PG_SERVER = process.env.GOVINFO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432';

async function isPostgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: `${PG_SERVER}/postgres`, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** False only in the PostgreSQL project when no server answers; those suites are skipped with a message. */
export const isDialectAvailable = dialect === 'sqlite' || (await isPostgresReachable());
if (!isDialectAvailable) {
  console.warn(`PostgreSQL is not reachable at ${PG_SERVER}: skipping the PostgreSQL run of this suite.`);
}

/** A throwaway database: a temporary SQLite file, or a PostgreSQL database created for the test and dropped after. */
export interface TestDatabase {
  /** What `--db` takes. */
  location: string;
  /** A temporary directory the test may write files to. */
  dir: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-test-'));
  if (dialect === 'sqlite') {
    return {
      location: path.join(dir, 'test.db'),
      dir,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `govinfo_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`create database ${name}`);
  return {
    location: `${PG_SERVER}/${name}`,
    dir,
    drop: async () => {
      await adminQuery(`drop database if exists ${name} with (force)`);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A migrated, seeded store on a throwaway database; `cleanup` closes and drops it. */
export async function createTestStore(): Promise<{
  store: Store;
  database: TestDatabase;
  cleanup: () => Promise<void>;
}> {
  const database = await createTestDatabase();
  const store = await openStore(database.location);
  return {
    store,
    database,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
}

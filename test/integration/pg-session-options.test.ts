import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../src/db/connect.js';
import { createTestDatabase, dialect, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

const setting = async (location: string): Promise<string> => {
  const store = connect(location);
  try {
    const { rows } = await sql<{
      value: string;
    }>`select current_setting('max_parallel_workers_per_gather') as value`.execute(store.db);
    return rows[0].value;
  } finally {
    await store.close();
  }
};

describe.skipIf(dialect !== 'postgres' || !isDialectAvailable)('PostgreSQL session settings', () => {
  let database: TestDatabase | undefined;
  const saved = process.env.PGOPTIONS;
  afterEach(async () => {
    if (saved === undefined) delete process.env.PGOPTIONS;
    else process.env.PGOPTIONS = saved;
    await database?.drop();
  });

  it('runs without parallel query, unless PGOPTIONS turns it back on', async () => {
    database = await createTestDatabase();
    delete process.env.PGOPTIONS;
    expect(await setting(database.location)).toBe('0');
    process.env.PGOPTIONS = '-c max_parallel_workers_per_gather=2';
    expect(await setting(database.location)).toBe('2');
  });
});

import { connect, DEFAULT_DATABASE, type Store } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDefaults } from './seed-defaults.js';

/** The database to use: `--db` wins over `GOVINFO_DB`, which wins over the embedded default. */
export function resolveDatabaseLocation(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return option || env.GOVINFO_DB || DEFAULT_DATABASE;
}

/** Opens the database, creates or migrates its schema and seeds an empty one: every command starts here. */
export async function openStore(location: string): Promise<Store> {
  const store = connect(location);
  try {
    await migrateToLatest(store.db);
    await store.db.transaction().execute((trx) => seedDefaults(trx));
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

import pg from 'pg';

/**
 * Databases on a PostgreSQL server, managed through its maintenance database `postgres`: a
 * restore target created when absent, the drill's scratch database created and dropped.
 */

/** The same server and credentials, another database. */
export function withDatabaseName(location: string, name: string): string {
  const url = new URL(location);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A PostgreSQL URL fit to print: its password hidden. */
export function withoutPassword(location: string): string {
  return location.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export function databaseNameOf(location: string): string {
  return decodeURIComponent(new URL(location).pathname.replace(/^\//, ''));
}

async function onServer<T>(location: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(location, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function databaseExists(location: string): Promise<boolean> {
  return onServer(location, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [databaseNameOf(location)]);
    return (rowCount ?? 0) > 0;
  });
}

export async function createDatabase(location: string): Promise<void> {
  await onServer(location, (client) => client.query(`create database ${quoted(databaseNameOf(location))}`));
}

export async function dropDatabase(location: string): Promise<void> {
  await onServer(location, (client) =>
    client.query(`drop database if exists ${quoted(databaseNameOf(location))} with (force)`)
  );
}

/** Whether the database holds any table outside PostgreSQL's own schemas. */
export async function postgresHasTables(location: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from information_schema.tables
       where table_schema not in ('pg_catalog', 'information_schema')`
    );
    return Number(rows[0].n) > 0;
  } finally {
    await client.end();
  }
}

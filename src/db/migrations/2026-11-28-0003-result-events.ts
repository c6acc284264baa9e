import { sql, type Kysely } from 'kysely';

/**
 * The history of a quarter's results: prepared, returned by the office leader with a comment,
 * prepared again, approved. A publication may now also be `returned` (to the editor).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = await isPostgresDb(db);
  const table = db.schema.createTable('result_events');
  await (
    isPostgres
      ? table.addColumn('id', 'serial', (c: any) => c.primaryKey())
      : table.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement())
  )
    .addColumn('publication_id', 'integer', (c: any) => c.notNull().references('result_publications.id'))
    .addColumn('at', 'text', (c: any) => c.notNull())
    .addColumn('actor_id', 'integer', (c: any) => c.references('users.id'))
    .addColumn('actor', 'text', (c: any) => c.notNull())
    .addColumn('action', 'text', (c: any) => c.notNull())
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('result_events_publication').on('result_events').column('publication_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('result_events').execute();
}

async function isPostgresDb(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ v: string }>`select version() as v`
    .execute(db)
    .catch(() => ({ rows: [] as { v: string }[] }));
  return rows[0]?.v?.startsWith('PostgreSQL') ?? false;
}

import { sql, type Kysely } from 'kysely';

/**
 * The quarterly bulletin (《番府信息》工作通讯):
 * - the editor's texts before and after the tables, stored with the draft, and the whole bulletin
 *   document frozen (JSON) when it is published;
 * - `unit_follow_ups`: 建议更换信息员 on a unit, opened when a bulletin naming it is published and
 *   open until the unit registers a new officer or the editor closes it with a reason.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('result_publications').addColumn('text_before', 'text').execute();
  await db.schema.alterTable('result_publications').addColumn('text_after', 'text').execute();
  await db.schema.alterTable('result_publications').addColumn('bulletin', 'text').execute();

  const table = db.schema.createTable('unit_follow_ups');
  await (
    (await isPostgresDb(db))
      ? table.addColumn('id', 'serial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('result_publications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('close_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('unit_follow_ups_unit').on('unit_follow_ups').column('unit_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unit_follow_ups').execute();
  for (const column of ['bulletin', 'text_after', 'text_before'])
    await db.schema.alterTable('result_publications').dropColumn(column).execute();
}

async function isPostgresDb(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ v: string }>`select version() as v`
    .execute(db)
    .catch(() => ({ rows: [] as { v: string }[] }));
  return rows[0]?.v?.startsWith('PostgreSQL') ?? false;
}

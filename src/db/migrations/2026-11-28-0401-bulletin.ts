import type { Kysely } from 'kysely';

/**
 * The quarterly bulletin (《番府信息》工作通讯): the editor's texts before and after the tables,
 * stored with the draft, and the whole bulletin document frozen (JSON) when it is published.
 * Plain text columns added to an existing table: the same statements on SQLite and PostgreSQL.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run on an untyped schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('result_publications').addColumn('text_before', 'text').execute();
  await db.schema.alterTable('result_publications').addColumn('text_after', 'text').execute();
  await db.schema.alterTable('result_publications').addColumn('bulletin', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run on an untyped schema.
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['bulletin', 'text_after', 'text_before'])
    await db.schema.alterTable('result_publications').dropColumn(column).execute();
}

import { sql, type Kysely } from 'kysely';

/**
 * 半年小结 and 年度总结 (issue 11): the editor's edited analysis paragraphs of a year's half or
 * whole year, submitted to an office leader who approves or returns them; the figures are frozen
 * when submitted, so what was approved stays as it was. `summary_events` keeps every step with the
 * leader's comments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = await isPostgresDb(db);
  const id = (table: any) =>
    isPostgres
      ? table.addColumn('id', 'serial', (c: any) => c.primaryKey())
      : table.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement());

  await id(db.schema.createTable('summaries'))
    .addColumn('year', 'integer', (c: any) => c.notNull())
    // 'half' (上半年, Q1–Q2) or 'year' (年度).
    .addColumn('period', 'text', (c: any) => c.notNull())
    // draft, pending (awaiting approval), returned (to the editor) or approved.
    .addColumn('status', 'text', (c: any) => c.notNull())
    // JSON: the analysis paragraph of each series code, as edited.
    .addColumn('paragraphs', 'text', (c: any) => c.notNull())
    // JSON: the figures as submitted (and so as approved); null while a draft.
    .addColumn('snapshot', 'text')
    .addColumn('drafted_by', 'integer', (c: any) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('approved_by', 'integer', (c: any) => c.references('users.id'))
    .addColumn('approved_at', 'text')
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addUniqueConstraint('summaries_period', ['year', 'period'])
    .execute();

  await id(db.schema.createTable('summary_events'))
    .addColumn('summary_id', 'integer', (c: any) => c.notNull().references('summaries.id'))
    .addColumn('at', 'text', (c: any) => c.notNull())
    .addColumn('actor_id', 'integer', (c: any) => c.references('users.id'))
    .addColumn('actor', 'text', (c: any) => c.notNull())
    .addColumn('action', 'text', (c: any) => c.notNull())
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('summary_events_summary').on('summary_events').column('summary_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('summary_events').execute();
  await db.schema.dropTable('summaries').execute();
}

async function isPostgresDb(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ v: string }>`select version() as v`
    .execute(db)
    .catch(() => ({ rows: [] as { v: string }[] }));
  return rows[0]?.v?.startsWith('PostgreSQL') ?? false;
}

import { sql, type Kysely } from 'kysely';

/**
 * 信息工作通知: a notice the editor posts to all units, a series or chosen units. Its recipients
 * are resolved when it is posted (a unit added later does not receive it); each recipient row
 * carries the unit's one confirmation of reading and its last reminder; attachments are stored
 * like items' (checked type and digest); each reminder round is kept with who sent it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = await isPostgresDb(db);
  const id = (table: any) =>
    isPostgres
      ? table.addColumn('id', 'serial', (c: any) => c.primaryKey())
      : table.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement());
  const blob = isPostgres ? 'bytea' : 'blob';

  await id(db.schema.createTable('notices'))
    .addColumn('title', 'text', (c: any) => c.notNull())
    .addColumn('body', 'text', (c: any) => c.notNull())
    .addColumn('kind', 'text', (c: any) => c.notNull())
    // all | series | units; series_code names the series when audience = series.
    .addColumn('audience', 'text', (c: any) => c.notNull())
    .addColumn('series_code', 'text', (c: any) => c.references('series.code'))
    .addColumn('created_by', 'integer', (c: any) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    // Null while a draft (attachments being added); set once, when units receive it.
    .addColumn('posted_by', 'integer', (c: any) => c.references('users.id'))
    .addColumn('posted_at', 'text')
    .execute();

  await db.schema
    .createTable('notice_units')
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('notices.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('read_by', 'integer', (c) => c.references('users.id'))
    .addColumn('read_at', 'text')
    .addColumn('reminded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reminded_at', 'text')
    .addPrimaryKeyConstraint('notice_units_pk', ['notice_id', 'unit_id'])
    .execute();
  // A unit's dashboard reads its notices by unit.
  await db.schema.createIndex('notice_units_unit').on('notice_units').column('unit_id').execute();

  await id(db.schema.createTable('notice_attachments'))
    .addColumn('notice_id', 'integer', (c: any) => c.notNull().references('notices.id'))
    .addColumn('filename', 'text', (c: any) => c.notNull())
    .addColumn('media_type', 'text', (c: any) => c.notNull())
    .addColumn('size', 'integer', (c: any) => c.notNull())
    .addColumn('sha256', 'text', (c: any) => c.notNull())
    .addColumn('content', blob, (c: any) => c.notNull())
    .addColumn('created_by', 'integer', (c: any) => c.references('users.id'))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('notice_attachments_notice').on('notice_attachments').column('notice_id').execute();

  await id(db.schema.createTable('notice_reminders'))
    .addColumn('notice_id', 'integer', (c: any) => c.notNull().references('notices.id'))
    .addColumn('at', 'text', (c: any) => c.notNull())
    .addColumn('actor_id', 'integer', (c: any) => c.notNull().references('users.id'))
    .addColumn('unit_count', 'integer', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('notice_reminders_notice').on('notice_reminders').column('notice_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['notice_reminders', 'notice_attachments', 'notice_units', 'notices'])
    await db.schema.dropTable(table).execute();
}

async function isPostgresDb(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ v: string }>`select version() as v`
    .execute(db)
    .catch(() => ({ rows: [] as { v: string }[] }));
  return rows[0]?.v?.startsWith('PostgreSQL') ?? false;
}

import { sql, type Kysely } from 'kysely';

/**
 * The first schema. Frozen: later changes are new migrations. Portable to SQLite and
 * PostgreSQL; dates are `YYYY-MM-DD` text so both compare them the same way.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = await isPostgresDb(db);
  const withId = <T extends { addColumn: (...args: any[]) => T }>(table: T): T =>
    isPostgres
      ? table.addColumn('id', 'serial', (c: any) => c.primaryKey())
      : table.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement());

  await withId(db.schema.createTable('policies'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('series')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('units'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('series_code', 'text', (c) => c.notNull().references('series.code'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('items'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('submitted', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('category', 'text')
    .execute();
  await db.schema.createIndex('items_unit_id').on('items').column('unit_id').execute();

  await withId(db.schema.createTable('adoptions'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('outlet', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('issue', 'text')
    .execute();

  await withId(db.schema.createTable('instructions'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('leader', 'text')
    .addColumn('text', 'text')
    .execute();

  await withId(db.schema.createTable('upwards'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('date', 'text', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('solicitations'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('all_units', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('solicitation_units')
    .addColumn('solicitation_id', 'integer', (c) => c.notNull().references('solicitations.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('solicitation_units_pk', ['solicitation_id', 'unit_id'])
    .execute();

  await withId(db.schema.createTable('responses'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('solicitation_id', 'integer', (c) => c.notNull().references('solicitations.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .execute();

  await withId(db.schema.createTable('penalties'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();

  for (const table of ['adoptions', 'instructions', 'upwards', 'responses']) {
    await db.schema.createIndex(`${table}_item_id`).on(table).column('item_id').execute();
  }
  await db.schema.createIndex('responses_solicitation_id').on('responses').column('solicitation_id').execute();
  await db.schema.createIndex('penalties_unit_id').on('penalties').column('unit_id').execute();

  // Bookings are replaced wholesale when their records change, so their ids need no
  // AUTOINCREMENT guarantee (SQLite's rowid is enough; 64-bit in PostgreSQL as rescoring consumes ids).
  // What can be derived is not stored: the policy (from the date), the record type (from the
  // rule) and the item (from the source), which keeps a million-booking import fast.
  await db.schema
    .createTable('bookings')
    .addColumn('id', isPostgres ? 'bigserial' : 'integer', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('record_ref', 'text', (c) => c.notNull())
    .execute();
  // Scores are one GROUP BY unit, quarter: the covering index lets it read the index alone.
  await db.schema.createIndex('bookings_unit_period').on('bookings').columns(['unit_id', 'period', 'points']).execute();
  // Recomputing a source finds its bookings by id; the type filter runs on the few rows found.
  await db.schema.createIndex('bookings_source').on('bookings').column('source_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'bookings',
    'penalties',
    'responses',
    'solicitation_units',
    'solicitations',
    'upwards',
    'instructions',
    'adoptions',
    'items',
    'units',
    'series',
    'policies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

async function isPostgresDb(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ v: string }>`select version() as v`
    .execute(db)
    .catch(() => ({ rows: [] as { v: string }[] }));
  return rows[0]?.v?.startsWith('PostgreSQL') ?? false;
}

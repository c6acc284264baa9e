import { sql, type Kysely } from 'kysely';

/**
 * 刊物: the district office's periodicals (《番府信息》(政务动态), 《番府信息上报》) as configured data,
 * their issues (year and number, date, workflow state), the items of each issue in order with their
 * edited text, and each issue's history. The periodicals themselves are seeded by seed-defaults.ts
 * from seeds/, so their outlet keys come from the policy's vocabulary.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = await isPostgresDb(db);
  const withId = <T extends { addColumn: (...args: any[]) => T }>(table: T): T =>
    isPostgres
      ? table.addColumn('id', 'serial', (c: any) => c.primaryKey())
      : table.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement());

  await withId(db.schema.createTable('periodical'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('subtitle', 'text')
    .addColumn('outlet', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('periodical_issue'))
    .addColumn('periodical_id', 'integer', (c) => c.notNull().references('periodical.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('periodical_issue_number', ['periodical_id', 'year', 'number'])
    .execute();

  await withId(db.schema.createTable('periodical_issue_item'))
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('periodical_issue.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    // The adoption publishing created (withdrawing deletes exactly these); null when the item kept an earlier one.
    .addColumn('adoption_id', 'integer')
    .addUniqueConstraint('periodical_issue_item_once', ['issue_id', 'item_id'])
    .execute();

  await withId(db.schema.createTable('periodical_issue_event'))
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('periodical_issue.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('periodical_issue_event_issue').on('periodical_issue_event').column('issue_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('periodical_issue_event').execute();
  await db.schema.dropTable('periodical_issue_item').execute();
  await db.schema.dropTable('periodical_issue').execute();
  await db.schema.dropTable('periodical').execute();
}

async function isPostgresDb(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ v: string }>`select version() as v`
    .execute(db)
    .catch(() => ({ rows: [] as { v: string }[] }));
  return rows[0]?.v?.startsWith('PostgreSQL') ?? false;
}

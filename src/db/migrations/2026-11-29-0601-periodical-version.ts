import type { Kysely } from 'kysely';

/**
 * 刊物设置: the district office's editor now changes a periodical (name, subtitle, outlet, issuer), so a
 * periodical carries a version for optimistic locking like the other records people edit. Existing
 * periodicals start at version 1.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('periodical')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('periodical').dropColumn('version').execute();
}

import type { Kysely } from 'kysely';

/**
 * The 信息员名册 as ledger records: a registration imported from a ledger keeps its ledger id (`ref`,
 * unique, null for registrations made on the page), and every registration may carry an e-mail
 * address (matching mail to a unit, notices by mail).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('unit_contacts').addColumn('ref', 'text').execute();
  await db.schema.alterTable('unit_contacts').addColumn('email', 'text').execute();
  // NULLs are distinct in a unique index on both engines: page registrations have none.
  await db.schema.createIndex('unit_contacts_ref').unique().on('unit_contacts').column('ref').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('unit_contacts_ref').execute();
  await db.schema.alterTable('unit_contacts').dropColumn('email').execute();
  await db.schema.alterTable('unit_contacts').dropColumn('ref').execute();
}

import type { Kysely } from 'kysely';

/**
 * The audit chain becomes keyed (HMAC-SM3 under the server's key file). `keyed_from` is the id of
 * the first entry hashed with the key; entries before it are the plain-SM3 chain of an earlier
 * version. NULL means not yet keyed: the application seals such a chain on open. An empty chain
 * has nothing to seal, so its first entry is keyed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_head').addColumn('keyed_from', 'integer').execute();
  await db.updateTable('audit_head').set({ keyed_from: 1 }).where('last_id', '=', 0).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_head').dropColumn('keyed_from').execute();
}

import { sql, type Kysely } from 'kysely';

/**
 * Mail intake (issue 12): every message taken in, once. A message is known by its content's
 * SHA-256 and its Message-ID, both unique, so nothing is imported twice; it is either imported as
 * an item, held in quarantine (隔离区) with the reason, or rejected by the editor with a reason.
 * The raw message is kept while it is in quarantine or rejected: nothing is dropped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = await isPostgresDb(db);
  const table = db.schema.createTable('mail_messages');
  await (
    isPostgres
      ? table.addColumn('id', 'serial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sender', 'text')
    .addColumn('subject', 'text')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', isPostgres ? 'bytea' : 'blob')
    // imported, quarantined or rejected.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decision_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('mail_messages_sha256').unique().on('mail_messages').column('sha256').execute();
  // NULLs are distinct in a unique index on both engines: messages without a Message-ID rely on the hash.
  await db.schema.createIndex('mail_messages_message_id').unique().on('mail_messages').column('message_id').execute();
  await db.schema.createIndex('mail_messages_status').on('mail_messages').columns(['status', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_messages').execute();
}

async function isPostgresDb(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ v: string }>`select version() as v`
    .execute(db)
    .catch(() => ({ rows: [] as { v: string }[] }));
  return rows[0]?.v?.startsWith('PostgreSQL') ?? false;
}

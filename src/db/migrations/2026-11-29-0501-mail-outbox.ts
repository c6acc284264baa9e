import { sql, type Kysely } from 'kysely';

/**
 * 邮件通知: an outbox of e-mails written in the transaction of the change that causes them and
 * sent by the server in the background (kept once sent or failed, never deleted), and each
 * registered person's opt-outs, one row per kind of notification turned off.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = await isPostgresDb(db);
  const id = (table: any) =>
    isPostgres
      ? table.addColumn('id', 'serial', (c: any) => c.primaryKey())
      : table.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement());

  await id(db.schema.createTable('mail_outbox'))
    .addColumn('recipient_email', 'text', (c: any) => c.notNull())
    .addColumn('recipient_name', 'text', (c: any) => c.notNull())
    .addColumn('contact_id', 'integer', (c: any) => c.references('unit_contacts.id'))
    .addColumn('unit_id', 'integer', (c: any) => c.references('units.id'))
    .addColumn('kind', 'text', (c: any) => c.notNull())
    .addColumn('subject', 'text', (c: any) => c.notNull())
    .addColumn('body', 'text', (c: any) => c.notNull())
    // The page the message is about, as a path; the sender prefixes GOVINFO_PUBLIC_URL when set.
    .addColumn('link_path', 'text')
    // One message per event and person: a scheduler running twice enqueues nothing new.
    .addColumn('dedupe_key', 'text', (c: any) => c.notNull().unique())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    // pending | sent | failed
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('attempts', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c: any) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .execute();
  // The sender reads the due pending messages.
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('contact_mail_opt_outs')
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('unit_contacts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_mail_opt_outs_pk', ['contact_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['contact_mail_opt_outs', 'mail_outbox']) await db.schema.dropTable(table).execute();
}

async function isPostgresDb(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ v: string }>`select version() as v`
    .execute(db)
    .catch(() => ({ rows: [] as { v: string }[] }));
  return rows[0]?.v?.startsWith('PostgreSQL') ?? false;
}

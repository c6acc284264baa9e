import { sql, type Kysely } from 'kysely';

/**
 * The multi-user service: accounts and sessions, the audit log, the item workflow with its
 * history and attachments, the officer registry and training, and security settings.
 * Timestamps are ISO 8601 UTC text; dates stay `YYYY-MM-DD`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = await isPostgresDb(db);
  const id = (table: any) =>
    isPostgres
      ? table.addColumn('id', 'serial', (c: any) => c.primaryKey())
      : table.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement());
  const blob = isPostgres ? 'bytea' : 'blob';

  await id(db.schema.createTable('users'))
    .addColumn('username', 'text', (c: any) => c.notNull().unique())
    .addColumn('display_name', 'text', (c: any) => c.notNull())
    .addColumn('role', 'text', (c: any) => c.notNull())
    .addColumn('unit_id', 'integer', (c: any) => c.references('units.id'))
    .addColumn('password_hash', 'text', (c: any) => c.notNull())
    .addColumn('password_changed_at', 'text', (c: any) => c.notNull())
    .addColumn('must_change_password', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('is_disabled', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled', 'integer', (c: any) => c.notNull().defaultTo(0))
    // The 30-second step of the last code accepted: a code is good once.
    .addColumn('totp_last_step', 'integer')
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .execute();

  await id(db.schema.createTable('password_history'))
    .addColumn('user_id', 'integer', (c: any) => c.notNull().references('users.id'))
    .addColumn('password_hash', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('password_history_user').on('password_history').column('user_id').execute();

  // The session id is the SHA-256 of the cookie's token: a copy of the table opens no session.
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  // Fixed-window counters shared by every app process.
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // Append-only, each entry chained to the previous by an SM3 hash; audit_head serializes appends.
  await id(db.schema.createTable('audit_log'))
    .addColumn('at', 'text', (c: any) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor', 'text', (c: any) => c.notNull())
    .addColumn('ip', 'text', (c: any) => c.notNull())
    .addColumn('action', 'text', (c: any) => c.notNull())
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('outcome', 'text', (c: any) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('prev_hash', 'text', (c: any) => c.notNull())
    .addColumn('hash', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('audit_head')
    .values({ id: 1, last_id: 0, last_hash: '0'.repeat(64) })
    .execute();
  if (isPostgres) {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
      db
    );
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
      db
    );
  }

  // The item workflow. Ledger items are history: they start as received.
  const itemColumns: [string, string, (c: any) => any][] = [
    ['status', 'text', (c) => c.notNull().defaultTo('received')],
    ['origin', 'text', (c) => c.notNull().defaultTo('ledger')],
    ['signer', 'text', (c) => c],
    ['reporter', 'text', (c) => c],
    ['is_public', 'integer', (c) => c.notNull().defaultTo(1)],
    ['phone', 'text', (c) => c],
    ['source', 'text', (c) => c],
    ['is_major', 'integer', (c) => c.notNull().defaultTo(0)],
    ['paper_copy_on', 'text', (c) => c],
    ['return_reason', 'text', (c) => c],
    ['rejection_reason', 'text', (c) => c],
    // When the item was last sent to the district office; null while it is inside its unit.
    ['sent_at', 'text', (c) => c],
    ['created_by', 'integer', (c) => c.references('users.id')],
    ['created_at', 'text', (c) => c],
    ['updated_at', 'text', (c) => c],
    ['version', 'integer', (c) => c.notNull().defaultTo(1)],
  ];
  for (const [name, type, build] of itemColumns) {
    await db.schema
      .alterTable('items')
      .addColumn(name, type as any, build)
      .execute();
  }
  // Lists show the newest first; the index lets a page stop after 20 rows instead of sorting them all
  // (filters by state read along it too: a second index would slow every million-record import).
  await db.schema.createIndex('items_submitted').on('items').columns(['submitted', 'id']).execute();
  // Items from earlier ledgers reached the district office when they were submitted.
  await db
    .updateTable('items')
    .set({ sent_at: sql`submitted` })
    .execute();

  await id(db.schema.createTable('item_events'))
    .addColumn('item_id', 'integer', (c: any) => c.notNull().references('items.id'))
    .addColumn('at', 'text', (c: any) => c.notNull())
    .addColumn('actor_id', 'integer', (c: any) => c.references('users.id'))
    .addColumn('actor', 'text', (c: any) => c.notNull())
    .addColumn('action', 'text', (c: any) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('item_events_item').on('item_events').column('item_id').execute();

  await id(db.schema.createTable('attachments'))
    .addColumn('item_id', 'integer', (c: any) => c.notNull().references('items.id'))
    .addColumn('filename', 'text', (c: any) => c.notNull())
    .addColumn('media_type', 'text', (c: any) => c.notNull())
    .addColumn('size', 'integer', (c: any) => c.notNull())
    .addColumn('sha256', 'text', (c: any) => c.notNull())
    .addColumn('content', blob, (c: any) => c.notNull())
    .addColumn('created_by', 'integer', (c: any) => c.references('users.id'))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_item').on('attachments').column('item_id').execute();

  await db.schema
    .alterTable('units')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('adoptions')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  for (const [name, type] of [
    ['requirements', 'text'],
    ['created_at', 'text'],
    ['version', 'integer'],
  ] as const) {
    await db.schema
      .alterTable('solicitations')
      .addColumn(name, type, (c) => (name === 'version' ? c.notNull().defaultTo(1) : c))
      .execute();
  }

  // 信息员登记备案: 分管领导 (leader), 直接责任人 (director) and 信息员 (officer) of each unit.
  await id(db.schema.createTable('unit_contacts'))
    .addColumn('unit_id', 'integer', (c: any) => c.notNull().references('units.id'))
    .addColumn('duty', 'text', (c: any) => c.notNull())
    .addColumn('name', 'text', (c: any) => c.notNull())
    .addColumn('post', 'text', (c: any) => c.notNull())
    .addColumn('office_phone', 'text')
    .addColumn('mobile', 'text')
    .addColumn('staffing', 'text', (c: any) => c.notNull())
    .addColumn('notice_date', 'text')
    .addColumn('started_on', 'text', (c: any) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('unit_contacts_unit').on('unit_contacts').column('unit_id').execute();

  // 《番府信息》(工作通讯): quarterly results the editor prepares and an office leader approves for publication.
  await id(db.schema.createTable('result_publications'))
    .addColumn('year', 'integer', (c: any) => c.notNull())
    .addColumn('quarter', 'integer', (c: any) => c.notNull())
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('as_of', 'text', (c: any) => c.notNull())
    .addColumn('snapshot', 'text', (c: any) => c.notNull())
    .addColumn('prepared_by', 'integer', (c: any) => c.notNull().references('users.id'))
    .addColumn('prepared_at', 'text', (c: any) => c.notNull())
    .addColumn('approved_by', 'integer', (c: any) => c.references('users.id'))
    .addColumn('approved_at', 'text')
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addUniqueConstraint('result_publications_period', ['year', 'quarter'])
    .execute();

  // 信息员培训.
  await id(db.schema.createTable('trainings'))
    .addColumn('date', 'text', (c: any) => c.notNull())
    .addColumn('title', 'text', (c: any) => c.notNull())
    .addColumn('organizer', 'text')
    .addColumn('notes', 'text')
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await id(db.schema.createTable('training_attendees'))
    .addColumn('training_id', 'integer', (c: any) => c.notNull().references('trainings.id'))
    .addColumn('unit_id', 'integer', (c: any) => c.references('units.id'))
    .addColumn('name', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('training_attendees_training').on('training_attendees').column('training_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'result_publications',
    'training_attendees',
    'trainings',
    'unit_contacts',
    'attachments',
    'item_events',
    'audit_head',
    'audit_log',
    'settings',
    'rate_limits',
    'sessions',
    'password_history',
    'users',
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

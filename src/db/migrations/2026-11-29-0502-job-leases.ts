import type { Kysely } from 'kysely';

/**
 * Background work that must run once across every server process on one database (the mailbox
 * poll, the outbox round, the session clean-up) takes a lease row first: one row per job, held by
 * one process until it expires, so a process that dies holding it loses it after its time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    // hostname:pid:random of the process holding it.
    .addColumn('holder', 'text', (c) => c.notNull())
    // ISO timestamps (UTC), compared as text like every other time in the schema.
    .addColumn('acquired_at', 'text', (c) => c.notNull())
    .addColumn('renewed_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    // How many times the job has finished (whoever ran it) and when it last did: an operator sees
    // when the clean-up last ran, and a test that it ran once per period across processes.
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_finished_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_leases').execute();
}

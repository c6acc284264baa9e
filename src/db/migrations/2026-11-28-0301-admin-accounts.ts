import type { Kysely } from 'kysely';

/** Frozen copy of the administrator roles as of this migration (migrations never import app code). */
const ADMIN_ROLES = ['sys_admin', 'security_admin', 'audit_admin'];

/**
 * Issue 10, findings 4, 6 and 7:
 * - `users.password_set_by_admin`: the account's password descends from one the system administrator
 *   issued (or could have changed while still knowing it); such an account is given an administrator
 *   role only after `govinfo account reset-password` on the server. Existing non-administrator
 *   accounts were all created through the web by the system administrator, so they start marked.
 * - `unknown_logins`: failed attempts at usernames that do not exist, counted and locked exactly as
 *   an account's are, so the answers do not tell which usernames exist.
 * - The stored security settings, when an office saved them before the three administrators were
 *   required to use TOTP, gain those roles (the default for new installations).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('password_set_by_admin', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.updateTable('users').set({ password_set_by_admin: 1 }).where('role', 'not in', ADMIN_ROLES).execute();

  await db.schema
    .createTable('unknown_logins')
    .addColumn('username', 'text', (col) => col.primaryKey())
    .addColumn('failed_logins', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_attempt_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('unknown_logins_last_attempt').on('unknown_logins').column('last_attempt_at').execute();

  const stored = (await db.selectFrom('settings').selectAll().where('key', '=', 'security').executeTakeFirst()) as
    { value: string; version: number } | undefined;
  if (stored) {
    const value = JSON.parse(stored.value) as { totpRequiredRoles?: string[] };
    const roles = new Set([...(value.totpRequiredRoles ?? []), ...ADMIN_ROLES]);
    await db
      .updateTable('settings')
      .set({ value: JSON.stringify({ ...value, totpRequiredRoles: [...roles] }), version: stored.version + 1 })
      .where('key', '=', 'security')
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unknown_logins').execute();
  await db.schema.alterTable('users').dropColumn('password_set_by_admin').execute();
}

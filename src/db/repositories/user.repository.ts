import type { ExpressionBuilder } from 'kysely';
import type { Database, Db } from '../database.js';
import type { NewUserRow, UserRow } from '../tables/user.table.js';

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUserRow): Promise<number> {
  const row = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Applies changes only if the row is still at `version`; returns whether it was. */
export async function updateUser(
  db: Db,
  id: number,
  version: number,
  changes: Partial<Omit<UserRow, 'id' | 'version'>>
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An account with no lock in force at `at`: never locked, or its lock has ended. */
const unlockedAt = (at: string) => (eb: ExpressionBuilder<Database, 'users'>) =>
  eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]);

/**
 * Counts a login attempt before its password is checked, unless the account is locked at `at`:
 * one statement, so parallel attempts each see their own count. Returns the count, or null when
 * locked (attempts during a lock are not counted; the count starts again when it ends).
 */
export async function countLoginAttempt(db: Db, id: number, at: string): Promise<number | null> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', id)
    .where(unlockedAt(at))
    .returning('failed_logins')
    .executeTakeFirst();
  return row?.failed_logins ?? null;
}

/** Locks an account until a time; its attempts count from zero again when the lock ends. */
export async function lockAccount(db: Db, id: number, until: string): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: until }).where('id', '=', id).execute();
}

/**
 * Clears the attempts after a successful login, unless a lock is in force at `at` — one set by
 * attempts that failed meanwhile. Returns whether it cleared (false: the account is locked).
 */
export async function clearLoginAttempts(db: Db, id: number, at: string): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', id)
    .where(unlockedAt(at))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('id').execute();
}

export async function recentPasswordHashes(db: Db, userId: number, count: number): Promise<string[]> {
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(count)
    .execute();
  return rows.map((r) => r.password_hash);
}

export async function addPasswordHistory(db: Db, userId: number, passwordHash: string, at: string): Promise<void> {
  await db
    .insertInto('password_history')
    .values({ user_id: userId, password_hash: passwordHash, created_at: at })
    .execute();
}

/** Enabled accounts of a role that belong to units: the registry offers officers' as entries. */
export async function listUnitAccountsOfRole(
  db: Db,
  role: string,
  unitId?: number
): Promise<{ id: number; display_name: string; phone: string | null; unit_id: number }[]> {
  let query = db
    .selectFrom('users')
    .select(['id', 'display_name', 'phone', 'unit_id'])
    .where('role', '=', role)
    .where('is_disabled', '=', 0)
    .where('unit_id', 'is not', null);
  if (unitId !== undefined) query = query.where('unit_id', '=', unitId);
  return (await query.orderBy('id').execute()) as {
    id: number;
    display_name: string;
    phone: string | null;
    unit_id: number;
  }[];
}

export async function hasAccountOfRole(db: Db, role: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('role', '=', role).executeTakeFirst()) !== undefined;
}

/**
 * Claims a TOTP time step for an account: one statement that succeeds only when the step is later
 * than any accepted before, so of parallel requests carrying one code exactly one wins, in both
 * engines. Returns whether this caller claimed it.
 */
export async function claimTotpStep(db: Db, id: number, step: number): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Accounts holding a TOTP secret, for sealing those stored before secrets were sealed. */
export async function listTotpSecrets(db: Db): Promise<{ id: number; totp_secret: string }[]> {
  return (await db
    .selectFrom('users')
    .select(['id', 'totp_secret'])
    .where('totp_secret', 'is not', null)
    .execute()) as { id: number; totp_secret: string }[];
}

/** Replaces a stored TOTP secret only if it is still `from` (a new enrolment meanwhile wins). */
export async function replaceTotpSecret(db: Db, id: number, from: string, to: string): Promise<void> {
  await db.updateTable('users').set({ totp_secret: to }).where('id', '=', id).where('totp_secret', '=', from).execute();
}

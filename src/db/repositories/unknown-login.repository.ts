import type { Db } from '../database.js';

/**
 * Failed logins at usernames that do not exist, kept exactly as an account's failed_logins and
 * locked_until are, so a wrong name is answered as a wrong password is (no username enumeration).
 */

/**
 * Counts an attempt at an unknown username unless it is "locked" at `at`: one statement, so
 * parallel attempts each see their own count. Returns the count, or null when locked.
 */
export async function countUnknownLoginAttempt(db: Db, username: string, at: string): Promise<number | null> {
  const row = await db
    .insertInto('unknown_logins')
    .values({ username, failed_logins: 1, locked_until: null, last_attempt_at: at })
    .onConflict((oc) =>
      oc
        .column('username')
        .doUpdateSet((eb) => ({ failed_logins: eb('unknown_logins.failed_logins', '+', 1), last_attempt_at: at }))
        .where((eb) =>
          eb.or([eb('unknown_logins.locked_until', 'is', null), eb('unknown_logins.locked_until', '<=', at)])
        )
    )
    .returning('failed_logins')
    .executeTakeFirst();
  return row?.failed_logins ?? null;
}

export async function lockUnknownLogin(db: Db, username: string, until: string): Promise<void> {
  await db
    .updateTable('unknown_logins')
    .set({ failed_logins: 0, locked_until: until })
    .where('username', '=', username)
    .execute();
}

export async function unknownLoginLockedUntil(db: Db, username: string): Promise<string | null> {
  const row = await db
    .selectFrom('unknown_logins')
    .select('locked_until')
    .where('username', '=', username)
    .executeTakeFirst();
  return row?.locked_until ?? null;
}

/** Forgets names not tried since `before`, so guessing many names does not grow the table without end. */
export async function pruneUnknownLogins(db: Db, before: string): Promise<void> {
  await db.deleteFrom('unknown_logins').where('last_attempt_at', '<', before).execute();
}

import { sql } from 'kysely';
import type { Db } from '../database.js';

/**
 * Counts a hit in a fixed window and returns the count so far, atomically (one upsert), so
 * every app process serving one database shares the same counters.
 */
export async function countHit(db: Db, key: string, windowStart: number): Promise<number> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`case when rate_limits.window_start = ${windowStart} then rate_limits.count + 1 else 1 end`,
        window_start: windowStart,
      })
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Deletes counters whose window started before `before` (epoch ms); they count nothing any more. */
export async function deleteRateLimitsBefore(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

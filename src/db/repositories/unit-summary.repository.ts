import type { Db } from '../database.js';

/** A unit as answers name it: id, name and series code. */
export async function findUnitSummary(
  db: Db,
  unitId: number
): Promise<{ id: number; name: string; series: string } | undefined> {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'series_code as series'])
    .where('id', '=', unitId)
    .executeTakeFirst();
}

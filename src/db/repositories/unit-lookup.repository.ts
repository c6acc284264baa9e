import type { Db } from '../database.js';

/** A unit by id, with its name. */
export async function findUnitById(db: Db, id: number): Promise<{ id: number; name: string } | undefined> {
  return db.selectFrom('units').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** A unit by its exact name. */
export async function findUnitByName(db: Db, name: string): Promise<{ id: number; name: string } | undefined> {
  return db.selectFrom('units').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
}

/** Which of the given unit ids exist. */
export async function existingUnitIds(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

/** Every unit's id and name, in id order. */
export async function listUnitNames(db: Db): Promise<{ id: number; name: string }[]> {
  return db.selectFrom('units').select(['id', 'name']).orderBy('id').execute();
}

/** A unit's items by ledger id (ref), for links from bookings to the items' pages. */
export async function findUnitItemsByRef(
  db: Db,
  unitId: number,
  refs: readonly string[]
): Promise<{ id: number; ref: string; title: string }[]> {
  const found: { id: number; ref: string; title: string }[] = [];
  for (let start = 0; start < refs.length; start += 500) {
    found.push(
      ...(await db
        .selectFrom('items')
        .select(['id', 'ref', 'title'])
        .where('unit_id', '=', unitId)
        .where('ref', 'in', refs.slice(start, start + 500))
        .execute())
    );
  }
  return found;
}

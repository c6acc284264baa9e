import type { Db } from '../database.js';
import { forgetItemTotals } from './item.repository.js';

type RefTable = 'adoptions' | 'instructions' | 'upwards' | 'responses' | 'penalties' | 'solicitations';

/**
 * Inserts a record made in the system and gives it a ledger id: the prefix and its number
 * (WA12 for adoption 12), so records from the web and from ledgers share one id space.
 */
export async function insertWithRef(
  db: Db,
  table: RefTable,
  prefix: string,
  values: Record<string, unknown>
): Promise<{ id: number; ref: string }> {
  // An adoption changes which items an outlet filter lists.
  if (table === 'adoptions') forgetItemTotals();
  const pending = `${prefix}-pending-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const { id } = await db
    .insertInto(table)
    .values({ ...values, ref: pending } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const ref = `${prefix}${id}`;
  await db
    .updateTable(table)
    .set({ ref } as never)
    .where('id', '=', id)
    .execute();
  return { id, ref };
}

export async function findAdoptionOfItem(db: Db, itemId: number, adoptionId: number) {
  return db
    .selectFrom('adoptions')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('id', '=', adoptionId)
    .executeTakeFirst();
}

export async function countAdoptions(db: Db, itemId: number): Promise<number> {
  const row = await db
    .selectFrom('adoptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('item_id', '=', itemId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function adoptionOutlets(db: Db, itemId: number): Promise<string[]> {
  return (await db.selectFrom('adoptions').select('outlet').where('item_id', '=', itemId).execute()).map(
    (r) => r.outlet
  );
}

export async function deleteAdoption(db: Db, adoptionId: number): Promise<void> {
  forgetItemTotals();
  await db.deleteFrom('adoptions').where('id', '=', adoptionId).execute();
}

/** Applies an adoption's corrected fields only if it is still at `version`; returns whether it was. */
export async function updateAdoption(
  db: Db,
  adoptionId: number,
  version: number,
  values: { outlet: string; kind: string | null; date: string; issue: string | null }
): Promise<boolean> {
  forgetItemTotals();
  const result = await db
    .updateTable('adoptions')
    .set({ ...values, version: version + 1 })
    .where('id', '=', adoptionId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The solicitations an item answers. */
export async function solicitationIdsOfItem(db: Db, itemId: number): Promise<number[]> {
  return (await db.selectFrom('responses').select('solicitation_id').where('item_id', '=', itemId).execute()).map(
    (r) => r.solicitation_id
  );
}

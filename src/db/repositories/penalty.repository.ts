import type { Db } from '../database.js';
import type { PenaltyRow } from '../tables/penalty.table.js';

export async function findPenalty(db: Db, id: number): Promise<PenaltyRow | undefined> {
  return db.selectFrom('penalties').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deletePenaltyRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('penalties').where('id', '=', id).execute();
}

/** Deductions with their unit's name, latest first; one unit's only when `unitId` is given. */
export async function listPenaltyRows(
  db: Db,
  unitId?: number
): Promise<
  { id: number; ref: string; reason: string; date: string; note: string | null; unit_id: number; unit: string }[]
> {
  let query = db
    .selectFrom('penalties')
    .innerJoin('units', 'units.id', 'penalties.unit_id')
    .select([
      'penalties.id',
      'penalties.ref',
      'penalties.reason',
      'penalties.date',
      'penalties.note',
      'units.id as unit_id',
      'units.name as unit',
    ]);
  if (unitId !== undefined) query = query.where('penalties.unit_id', '=', unitId);
  return query.orderBy('penalties.date', 'desc').execute();
}

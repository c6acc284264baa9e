import type { Db } from '../database.js';

/** A solicitation's title when it targets the unit (every unit, or the unit by name), else undefined. */
export async function findSolicitationForUnit(
  db: Db,
  solicitationId: number,
  unitId: number
): Promise<{ title: string } | undefined> {
  const solicitation = await db
    .selectFrom('solicitations')
    .select(['title', 'all_units'])
    .where('id', '=', solicitationId)
    .executeTakeFirst();
  if (!solicitation) return undefined;
  if (solicitation.all_units) return { title: solicitation.title };
  const named = await db
    .selectFrom('solicitation_units')
    .select('unit_id')
    .where('solicitation_id', '=', solicitationId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return named ? { title: solicitation.title } : undefined;
}

/** Whether the item already answers the solicitation. */
export async function responseExists(db: Db, solicitationId: number, itemId: number): Promise<boolean> {
  const row = await db
    .selectFrom('responses')
    .select('id')
    .where('solicitation_id', '=', solicitationId)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Names the units a new solicitation targets (none stored means every unit). */
export async function insertSolicitationUnits(
  db: Db,
  solicitationId: number,
  unitIds: readonly number[]
): Promise<void> {
  if (unitIds.length > 0)
    await db
      .insertInto('solicitation_units')
      .values(unitIds.map((unit_id) => ({ solicitation_id: solicitationId, unit_id })))
      .execute();
}

/** Every solicitation, latest deadline first. */
export async function listSolicitationRows(db: Db) {
  return db.selectFrom('solicitations').selectAll().orderBy('deadline', 'desc').execute();
}

/** The units named by solicitations that do not target every unit. */
export async function listSolicitationTargets(
  db: Db
): Promise<{ solicitation_id: number; unit_id: number; name: string }[]> {
  return db
    .selectFrom('solicitation_units')
    .innerJoin('units', 'units.id', 'solicitation_units.unit_id')
    .select(['solicitation_id', 'unit_id', 'units.name'])
    .execute();
}

/** Every item given in answer to a solicitation, with what decides the answer's state. */
export async function listSolicitationAnswers(db: Db): Promise<
  {
    solicitation_id: number;
    unit_id: number;
    submitted: string;
    sent_at: string | null;
    item_id: number;
    title: string;
    status: string;
  }[]
> {
  return db
    .selectFrom('responses')
    .innerJoin('items', 'items.id', 'responses.item_id')
    .select([
      'responses.solicitation_id',
      'items.unit_id',
      'items.submitted',
      'items.sent_at',
      'items.id as item_id',
      'items.title',
      'items.status',
    ])
    .execute();
}

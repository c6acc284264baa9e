import type { ExpressionBuilder } from 'kysely';
import type { Database, Db } from '../database.js';

/** An active account of a role in the unit of the outer query's row. */
const active = (eb: ExpressionBuilder<Database, 'items' | 'units'>, role: string) =>
  eb
    .selectFrom('users')
    .select('users.id')
    .whereRef('users.unit_id', '=', 'units.id')
    .where('users.role', '=', role)
    .where('users.is_disabled', '=', 0);

/** The active reviewer and principal accounts of a unit, reviewers first. */
export async function listUnitLeaders(
  db: Db,
  unitId: number
): Promise<{ displayName: string; role: 'reviewer' | 'principal' }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['display_name', 'role'])
    .where('unit_id', '=', unitId)
    .where('is_disabled', '=', 0)
    .where('role', 'in', ['reviewer', 'principal'])
    .orderBy('role', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ displayName: r.display_name, role: r.role as 'reviewer' | 'principal' }));
}

/**
 * Units with items in unit review but no active reviewer account, with how many wait, the
 * oldest update among them, and whether a principal could approve instead.
 */
export async function unitsReviewedByNobody(
  db: Db
): Promise<{ unitId: number; unit: string; waiting: number; since: string; hasPrincipal: boolean }[]> {
  const rows = await db
    .selectFrom('items')
    .innerJoin('units', 'units.id', 'items.unit_id')
    .select((eb) => [
      'units.id as unitId',
      'units.name as unit',
      eb.fn.countAll<number | string>().as('waiting'),
      eb.fn.min('items.updated_at').as('since'),
      eb.exists(active(eb, 'principal')).as('hasPrincipal'),
    ])
    .where('items.status', '=', 'unit_review')
    .where((eb) => eb.not(eb.exists(active(eb, 'reviewer'))))
    .groupBy(['units.id', 'units.name', 'units.sort_order'])
    .orderBy('units.sort_order')
    .execute();
  return rows.map((r) => ({
    unitId: r.unitId,
    unit: r.unit,
    waiting: Number(r.waiting),
    since: String(r.since),
    hasPrincipal: Boolean(r.hasPrincipal),
  }));
}

import { sql } from 'kysely';
import type { Db } from '../database.js';

/** Workflow states of an item still inside its unit: not yet sent to the district office. */
const INSIDE_UNIT = ['draft', 'unit_review', 'awaiting_signature'];

/** Items each unit sent with a submission date in a range (报送信息数). */
export async function countSubmittedItemsByUnit(
  db: Db,
  from: string,
  to: string
): Promise<{ unit: string; items: number }[]> {
  const rows = await db
    .selectFrom('items')
    .innerJoin('units', 'units.id', 'items.unit_id')
    .select(['units.name as unit', sql<number>`count(*)`.as('items')])
    .where('items.submitted', '>=', from)
    .where('items.submitted', '<=', to)
    .where('items.status', 'not in', INSIDE_UNIT)
    .groupBy('units.name')
    .execute();
  return rows.map((r) => ({ unit: r.unit, items: Number(r.items) }));
}

import type { Db } from '../database.js';
import type { UnitFollowUpRow, UnitFollowUpTable } from '../tables/follow-up.table.js';

export async function insertFollowUp(
  db: Db,
  values: Pick<UnitFollowUpTable, 'unit_id' | 'publication_id' | 'kind' | 'opened_on' | 'note'>
): Promise<void> {
  await db.insertInto('unit_follow_ups').values(values).execute();
}

/** Follow-ups the editor has not closed, oldest first. */
export async function listUnclosedFollowUps(db: Db): Promise<UnitFollowUpRow[]> {
  return db.selectFrom('unit_follow_ups').selectAll().where('closed_at', 'is', null).orderBy('id').execute();
}

export async function findFollowUp(db: Db, id: number): Promise<UnitFollowUpRow | undefined> {
  return db.selectFrom('unit_follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Closes a follow-up if it is still at `version`; returns whether it was. */
export async function closeFollowUpRow(
  db: Db,
  id: number,
  version: number,
  values: { closed_at: string; closed_by: number; close_reason: string }
): Promise<boolean> {
  const result = await db
    .updateTable('unit_follow_ups')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

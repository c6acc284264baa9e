import type { Selectable } from 'kysely';
import type { Db } from '../database.js';
import type { SummaryEventTable, SummaryTable } from '../tables/summary.table.js';

export type SummaryRow = Selectable<SummaryTable>;
export type SummaryValues = Omit<SummaryTable, 'id' | 'version'>;
export type SummaryEvent = Pick<SummaryEventTable, 'at' | 'actor' | 'action' | 'comment'>;

/** The summary of a year's half ('half') or whole year ('year'), whatever its state. */
export async function findSummaryOfPeriod(db: Db, year: number, period: string): Promise<SummaryRow | undefined> {
  return db
    .selectFrom('summaries')
    .selectAll()
    .where('year', '=', year)
    .where('period', '=', period)
    .executeTakeFirst();
}

export async function findSummary(db: Db, id: number): Promise<SummaryRow | undefined> {
  return db.selectFrom('summaries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSummary(db: Db, values: SummaryValues): Promise<number> {
  return (await db.insertInto('summaries').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * Changes a summary if it still has the version read (optimistic locking); the new version is one
 * more. Returns whether it did, so a concurrent change is refused rather than overwritten.
 */
export async function updateSummary(
  db: Db,
  id: number,
  version: number,
  changes: Partial<SummaryValues>
): Promise<boolean> {
  const result = await db
    .updateTable('summaries')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertSummaryEvent(db: Db, event: Omit<SummaryEventTable, 'id'>): Promise<void> {
  await db.insertInto('summary_events').values(event).execute();
}

/** A summary's history, oldest first. */
export async function summaryEvents(db: Db, summaryId: number): Promise<SummaryEvent[]> {
  return db
    .selectFrom('summary_events')
    .select(['at', 'actor', 'action', 'comment'])
    .where('summary_id', '=', summaryId)
    .orderBy('id')
    .execute();
}

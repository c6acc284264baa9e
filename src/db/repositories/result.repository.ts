import type { Db } from '../database.js';
import type { ResultEventTable } from '../tables/result.table.js';

export async function insertResultEvent(db: Db, event: Omit<ResultEventTable, 'id'>): Promise<void> {
  await db.insertInto('result_events').values(event).execute();
}

/** Every publication's history, oldest first, grouped by publication. */
export async function resultEventsByPublication(db: Db): Promise<Map<number, { at: string; actor: string; action: string; comment: string | null }[]>> {
  const rows = await db.selectFrom('result_events').select(['publication_id', 'at', 'actor', 'action', 'comment']).orderBy('id').execute();
  const byPublication = new Map<number, { at: string; actor: string; action: string; comment: string | null }[]>();
  for (const { publication_id, ...event } of rows) {
    const list = byPublication.get(publication_id) ?? [];
    list.push(event);
    byPublication.set(publication_id, list);
  }
  return byPublication;
}

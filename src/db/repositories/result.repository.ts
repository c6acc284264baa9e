import type { Db } from '../database.js';
import type { Selectable } from 'kysely';
import type { ResultEventTable, ResultPublicationTable } from '../tables/result.table.js';

export type ResultPublicationRow = Selectable<ResultPublicationTable>;

export async function insertResultEvent(db: Db, event: Omit<ResultEventTable, 'id'>): Promise<void> {
  await db.insertInto('result_events').values(event).execute();
}

/** Every publication's history, oldest first, grouped by publication. */
export async function resultEventsByPublication(
  db: Db
): Promise<Map<number, { at: string; actor: string; action: string; comment: string | null }[]>> {
  const rows = await db
    .selectFrom('result_events')
    .select(['publication_id', 'at', 'actor', 'action', 'comment'])
    .orderBy('id')
    .execute();
  const byPublication = new Map<number, { at: string; actor: string; action: string; comment: string | null }[]>();
  for (const { publication_id, ...event } of rows) {
    const list = byPublication.get(publication_id) ?? [];
    list.push(event);
    byPublication.set(publication_id, list);
  }
  return byPublication;
}

type BulletinColumns = 'text_before' | 'text_after' | 'bulletin';
export type PublicationValues = Omit<ResultPublicationTable, 'id' | 'version' | BulletinColumns> &
  Partial<Pick<ResultPublicationTable, BulletinColumns>>;

/** A quarter's results, whatever their state. */
export async function findPublicationOfQuarter(
  db: Db,
  year: number,
  quarter: number
): Promise<ResultPublicationRow | undefined> {
  return db
    .selectFrom('result_publications')
    .selectAll()
    .where('year', '=', year)
    .where('quarter', '=', quarter)
    .executeTakeFirst();
}

export async function findPublication(db: Db, id: number): Promise<ResultPublicationRow | undefined> {
  return db.selectFrom('result_publications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPublication(db: Db, values: PublicationValues): Promise<number> {
  return (await db.insertInto('result_publications').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a publication if it still has the version read (optimistic locking); the new version is one more. */
export async function updatePublication(
  db: Db,
  id: number,
  version: number,
  changes: Partial<PublicationValues>
): Promise<void> {
  await db
    .updateTable('result_publications')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .execute();
}

/** Publications newest quarter first; only the published ones when asked. */
export async function listPublications(db: Db, publishedOnly: boolean): Promise<ResultPublicationRow[]> {
  let query = db.selectFrom('result_publications').selectAll().orderBy('year', 'desc').orderBy('quarter', 'desc');
  if (publishedOnly) query = query.where('status', '=', 'published');
  return query.execute();
}

/** The bulletins published in a year before a quarter and in the year before, as stored (JSON). */
export async function listPublishedBulletins(
  db: Db,
  year: number,
  beforeQuarter: number
): Promise<{ year: number; quarter: number; bulletin: string; approvedAt: string | null }[]> {
  const rows = await db
    .selectFrom('result_publications')
    .select(['year', 'quarter', 'bulletin', 'approved_at'])
    .where((eb) =>
      eb.or([eb('year', '=', year - 1), eb.and([eb('year', '=', year), eb('quarter', '<', beforeQuarter)])])
    )
    .where('status', '=', 'published')
    .where('bulletin', 'is not', null)
    .execute();
  return rows.map((r) => ({ year: r.year, quarter: r.quarter, bulletin: r.bulletin!, approvedAt: r.approved_at }));
}

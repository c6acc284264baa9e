import { sql } from 'kysely';
import type { Db } from '../database.js';
import type {
  PeriodicalIssueEventRow,
  PeriodicalIssueItemRow,
  PeriodicalIssueRow,
  PeriodicalIssueTable,
  PeriodicalRow,
} from '../tables/periodical.table.js';

export async function listPeriodicals(db: Db): Promise<PeriodicalRow[]> {
  return db.selectFrom('periodical').selectAll().orderBy('sort_order').execute();
}

export async function findPeriodical(db: Db, id: number): Promise<PeriodicalRow | undefined> {
  return db.selectFrom('periodical').selectAll().where('id', '=', id).executeTakeFirst();
}

export type PeriodicalValues = Omit<PeriodicalRow, 'id' | 'version'>;

export async function insertPeriodicals(db: Db, rows: PeriodicalValues[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('periodical').values(rows).execute();
}

/** Adds a periodical after the others (tabs and lists follow `sort_order`); returns its id. */
export async function insertPeriodicalLast(db: Db, values: Omit<PeriodicalValues, 'sort_order'>): Promise<number> {
  const last = await db
    .selectFrom('periodical')
    .select((eb) => eb.fn.max<number | null>('sort_order').as('n'))
    .executeTakeFirst();
  const sort_order = Number(last?.n ?? 0) + 1;
  return (
    await db
      .insertInto('periodical')
      .values({ ...values, sort_order })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Changes a periodical if it still has the version read (optimistic locking); returns whether it did. */
export async function updatePeriodical(
  db: Db,
  id: number,
  version: number,
  changes: Partial<Omit<PeriodicalValues, 'sort_order'>>
): Promise<boolean> {
  const result = await db
    .updateTable('periodical')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Holds the periodical's row until the transaction ends (a write that changes nothing: PostgreSQL
 * locks the row, SQLite runs one writer at a time), so publishing an issue and changing the
 * periodical's outlet never interleave.
 */
export async function lockPeriodical(db: Db, id: number): Promise<void> {
  await db
    .updateTable('periodical')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', id)
    .execute();
}

/** Whether another periodical (not `exceptId`) already has this name. */
export async function periodicalNameTaken(db: Db, name: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('periodical').select('id').where('name', '=', name);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Whether any issue of the periodical is published (its adoptions are recorded in the periodical's outlet). */
export async function hasPublishedIssue(db: Db, periodicalId: number): Promise<boolean> {
  const row = await db
    .selectFrom('periodical_issue')
    .select('id')
    .where('periodical_id', '=', periodicalId)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row !== undefined;
}

export async function listIssues(db: Db, periodicalId?: number): Promise<PeriodicalIssueRow[]> {
  let query = db.selectFrom('periodical_issue').selectAll().orderBy('year', 'desc').orderBy('number', 'desc');
  if (periodicalId !== undefined) query = query.where('periodical_id', '=', periodicalId);
  return query.execute();
}

export async function findIssue(db: Db, id: number): Promise<PeriodicalIssueRow | undefined> {
  return db.selectFrom('periodical_issue').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The issue of a periodical with that year and number, if any (the number is unique per periodical and year). */
export async function findIssueByNumber(
  db: Db,
  periodicalId: number,
  year: number,
  number: number
): Promise<PeriodicalIssueRow | undefined> {
  return db
    .selectFrom('periodical_issue')
    .selectAll()
    .where('periodical_id', '=', periodicalId)
    .where('year', '=', year)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function maxIssueNumber(db: Db, periodicalId: number, year: number): Promise<number> {
  const row = await db
    .selectFrom('periodical_issue')
    .select((eb) => eb.fn.max<number | null>('number').as('n'))
    .where('periodical_id', '=', periodicalId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type IssueValues = Omit<PeriodicalIssueTable, 'id' | 'version'>;

export async function insertIssue(db: Db, values: IssueValues): Promise<number> {
  return (await db.insertInto('periodical_issue').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes an issue if it still has the version read (optimistic locking); returns whether it did. */
export async function updateIssue(
  db: Db,
  id: number,
  version: number,
  changes: Partial<IssueValues>
): Promise<boolean> {
  const result = await db
    .updateTable('periodical_issue')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function issueItems(db: Db, issueId: number): Promise<PeriodicalIssueItemRow[]> {
  return db
    .selectFrom('periodical_issue_item')
    .selectAll()
    .where('issue_id', '=', issueId)
    .orderBy('position')
    .execute();
}

/** Item counts per issue, for the list. */
export async function issueItemCounts(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('periodical_issue_item')
    .select(['issue_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('issue_id')
    .execute();
  return new Map(rows.map((r) => [r.issue_id, Number(r.n)]));
}

/** Replaces an issue's items with these, in this order. */
export async function replaceIssueItems(
  db: Db,
  issueId: number,
  items: { item_id: number; title: string; body: string; kind: string | null }[]
): Promise<void> {
  await db.deleteFrom('periodical_issue_item').where('issue_id', '=', issueId).execute();
  if (items.length === 0) return;
  await db
    .insertInto('periodical_issue_item')
    .values(items.map((item, i) => ({ ...item, issue_id: issueId, position: i + 1, adoption_id: null })))
    .execute();
}

export async function setIssueItemAdoption(db: Db, rowId: number, adoptionId: number | null): Promise<void> {
  await db.updateTable('periodical_issue_item').set({ adoption_id: adoptionId }).where('id', '=', rowId).execute();
}

export async function insertIssueEvent(db: Db, event: Omit<PeriodicalIssueEventRow, 'id'>): Promise<void> {
  await db.insertInto('periodical_issue_event').values(event).execute();
}

export async function issueEvents(db: Db, issueId: number): Promise<PeriodicalIssueEventRow[]> {
  return db.selectFrom('periodical_issue_event').selectAll().where('issue_id', '=', issueId).orderBy('id').execute();
}

/** The earliest adoption of each of these items in an outlet, by item. */
export async function adoptionsInOutlet(
  db: Db,
  itemIds: readonly number[],
  outlet: string
): Promise<Map<number, { id: number; date: string; issue: string | null }>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('adoptions')
    .select(['id', 'item_id', 'date', 'issue'])
    .where('item_id', 'in', [...itemIds])
    .where('outlet', '=', outlet)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const earliest = new Map<number, { id: number; date: string; issue: string | null }>();
  for (const { item_id, ...adoption } of rows) if (!earliest.has(item_id)) earliest.set(item_id, adoption);
  return earliest;
}

/** Items (with their unit's name) by id. */
export async function itemsWithUnits(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('items')
    .innerJoin('units', 'units.id', 'items.unit_id')
    .select([
      'items.id',
      'items.ref',
      'items.title',
      'items.body',
      'items.status',
      'items.origin',
      'items.unit_id',
      'items.version',
      'items.submitted',
      'units.name as unit',
    ])
    .where('items.id', 'in', [...ids])
    .execute();
}

/** Items the district office has received or adopted (ledger items arrive received), newest first, for picking. */
export async function candidateItems(db: Db, query: string | undefined, limit: number) {
  let q = db
    .selectFrom('items')
    .innerJoin('units', 'units.id', 'items.unit_id')
    .select([
      'items.id',
      'items.ref',
      'items.title',
      'items.body',
      'items.status',
      'items.submitted',
      'units.name as unit',
    ])
    .where((eb) => eb.or([eb('items.status', 'in', ['received', 'adopted']), eb('items.origin', '=', 'ledger')]))
    .orderBy('items.submitted', 'desc')
    .orderBy('items.id', 'desc')
    .limit(limit);
  if (query) {
    const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where('items.title', 'like', sql<string>`${pattern} escape '\\'`);
  }
  return q.execute();
}

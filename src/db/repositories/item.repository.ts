import { sql } from 'kysely';
import type { Db } from '../database.js';
import { executeCompiled, placeholder } from './compiled.js';
import { runTimeCount } from './paging.js';
import type { ItemRow, NewItemRow } from '../tables/item.table.js';
import type { AttachmentRow } from '../tables/attachment.table.js';
import type { ItemEventRow } from '../tables/item-event.table.js';

export async function findItem(db: Db, id: number): Promise<ItemRow | undefined> {
  return db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an item drafted in the system; its ledger id is W followed by its number. */
export async function insertWebItem(db: Db, item: Omit<NewItemRow, 'ref'>): Promise<number> {
  forgetItemTotals();
  const pending = `W-pending-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const { id } = await db
    .insertInto('items')
    .values({ ...item, ref: pending })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('items')
    .set({ ref: `W${id}` })
    .where('id', '=', id)
    .execute();
  return id;
}

/** Applies changes only if the item is still at `version`; returns whether it was. */
export async function updateItem(
  db: Db,
  id: number,
  version: number,
  changes: Partial<Omit<ItemRow, 'id' | 'version' | 'ref'>>
): Promise<boolean> {
  forgetItemTotals();
  const result = await db
    .updateTable('items')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertItemEvent(db: Db, event: Omit<ItemEventRow, 'id'>): Promise<void> {
  await db.insertInto('item_events').values(event).execute();
}

export async function listItemEvents(db: Db, itemId: number): Promise<ItemEventRow[]> {
  return db.selectFrom('item_events').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}

/** Which items a list shows: one unit's, or those sent to the district. */
export type ItemListScope = { unitId: number } | { district: true };

export interface ItemListFilter {
  status?: string;
  unitId?: number;
  series?: string;
  category?: string;
  from?: string;
  to?: string;
  /** Words in the title or body. */
  q?: string;
  /** Adopted into this outlet (采用载体). */
  outlet?: string;
  /** A column to sort by (whitelisted); absent: the district's work queue, or newest first for a unit. */
  sort?: ItemSortKey;
  order?: 'asc' | 'desc';
}

export const ITEM_SORT_KEYS = ['submitted', 'unit', 'status', 'points'] as const;
export type ItemSortKey = (typeof ITEM_SORT_KEYS)[number];

/**
 * The district's work queue: 待接收 first, then 已接收 (undecided), each oldest first, then the
 * decided ones newest first. The same SQL text is the expression index `items_inbox_order`
 * (migration 2026-11-28-0101, there without the table name), so a page is read in index order;
 * keep them identical.
 */
export const INBOX_RANK_SQL = "(case items.status when 'submitted' then 0 when 'received' then 1 else 2 end)";
export const INBOX_PENDING_DATE_SQL = "(case when items.status in ('submitted', 'received') then items.submitted end)";
/** Ties: the earlier sent first while pending, the later first once decided. */
export const INBOX_TIE_SQL = "(case when items.status in ('submitted', 'received') then items.id else -items.id end)";
/** The workflow order of states, for sorting by state. */
const STATUS_RANK_SQL =
  "case items.status when 'draft' then 0 when 'unit_review' then 1 when 'awaiting_signature' then 2 when 'returned' then 3 when 'submitted' then 4 when 'received' then 5 when 'adopted' then 6 else 7 end";
const POINTS_SQL =
  "(select coalesce(sum(b.points), 0) from bookings b where b.source_type = 'item' and b.source_id = items.id)";

export interface ItemListRow {
  id: number;
  ref: string;
  title: string;
  status: string;
  submitted: string;
  category: string | null;
  is_public: number;
  is_major: number;
  unit_id: number;
  unit: string;
  series: string;
  version: number;
  points: number;
}

/**
 * How long a list's total may be reused. Counting 10,000 items costs more than the rest of a
 * page, and a pagination total a second old is fine; this process's own item writes clear it at
 * once, so only another process's writes can be that late.
 */
const TOTAL_TTL_MS = 2_000;
const totals = new WeakMap<object, Map<string, { total: number; at: number }>>();

/**
 * Forgets every cached list total. Every repository function that writes `items` or `adoptions`
 * (the tables the list filters read) calls it: item.repository, editorial.repository, ledger.repository.
 */
export function forgetItemTotals(): void {
  totalsGeneration++;
}
let totalsGeneration = 0;

/** A page of items, newest first, with the total that match. */
export async function listItems(
  db: Db,
  scope: ItemListScope,
  filter: ItemListFilter,
  page: number,
  pageSize: number
): Promise<{ rows: ItemListRow[]; total: number }> {
  // Arguments by position; the query is built once per combination of filters present (see compiled.ts).
  const pattern = filter.q === undefined ? undefined : `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const isQueue = !('unitId' in scope) && !filter.sort;
  const args = [
    'unitId' in scope ? scope.unitId : null,
    filter.status,
    filter.unitId,
    filter.series,
    filter.category,
    filter.from,
    filter.to,
    pattern,
    pageSize,
    (page - 1) * pageSize,
    filter.outlet,
    queueRank(filter.status),
  ];
  // The shape says which filters are present, exactly as `filtered` tests them (truthy).
  const present = [...args.slice(1, 8), args[10]];
  const order = filter.sort ? `${filter.sort}:${filter.order === 'desc' ? 'desc' : 'asc'}` : 'queue';
  const shape = `${'unitId' in scope ? 'unit' : 'district'}:${present.map((a) => (a ? '+' : '-')).join('')}`;

  const filtered = () => {
    let query = db.selectFrom('items').innerJoin('units', 'units.id', 'items.unit_id');
    query =
      'unitId' in scope
        ? query.where('items.unit_id', '=', placeholder(0) as unknown as number)
        : query.where('items.sent_at', 'is not', null);
    const at = (index: number) => placeholder(index) as never;
    if (filter.status) query = query.where('items.status', '=', at(1));
    // The queue's rank of that state, redundant but on the queue index: the page seeks to its states instead of scanning past the others.
    if (filter.status && isQueue) query = query.where(sql.raw(INBOX_RANK_SQL), '=', at(11));
    if (filter.unitId) query = query.where('items.unit_id', '=', at(2));
    if (filter.series) query = query.where('units.series_code', '=', at(3));
    if (filter.category) query = query.where('items.category', '=', at(4));
    if (filter.from) query = query.where('items.submitted', '>=', at(5));
    if (filter.to) query = query.where('items.submitted', '<=', at(6));
    if (filter.q) {
      // Two-character words such as 防汛 must be found: a substring match, escaped, in title or body.
      query = query.where((eb) =>
        eb.or([
          eb('items.title', 'like', sql<string>`${at(7)} escape '\\'`),
          eb('items.body', 'like', sql<string>`${at(7)} escape '\\'`),
        ])
      );
    }
    if (filter.outlet) {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('adoptions')
            .select('adoptions.id')
            .whereRef('adoptions.item_id', '=', 'items.id')
            .where('adoptions.outlet', '=', at(10))
        )
      );
    }
    return query;
  };
  const rows = await executeCompiled<ItemListRow>(
    db,
    `items-page:${shape}:${order}`,
    () =>
      ordered(
        filtered()
          .select([
            'items.id',
            'items.ref',
            'items.title',
            'items.status',
            'items.submitted',
            'items.category',
            'items.is_public',
            'items.is_major',
            'items.unit_id',
            'units.name as unit',
            'units.series_code as series',
            'items.version',
          ])
          .select(sql<number>`${sql.raw(POINTS_SQL)}`.as('points')),
        'unitId' in scope,
        filter
      )
        .limit(runTimeCount(placeholder(8)))
        .offset(runTimeCount(placeholder(9))),
    args
  );
  for (const row of rows) row.points = Number(row.points);

  let cache = totals.get(db.getExecutor().adapter);
  if (!cache) totals.set(db.getExecutor().adapter, (cache = new Map<string, { total: number; at: number }>()));
  // The scope and the filters, not the page: every page of a list shares its total.
  const key = `${totalsGeneration}|${shape}|${JSON.stringify([...args.slice(0, 8), args[10]])}`;
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < TOTAL_TTL_MS) return { rows, total: cached.total };
  const [count] = await executeCompiled<{ n: number }>(
    db,
    `items-count:${shape}`,
    () => filtered().select((eb) => eb.fn.countAll<number>().as('n')),
    args
  );
  if (cache.size > 1_000) cache.clear();
  cache.set(key, { total: Number(count.n), at: Date.now() });
  return { rows, total: Number(count.n) };
}

/** A state's rank in the work queue, as INBOX_RANK_SQL computes it. */
function queueRank(status: string | undefined): number {
  return status === 'submitted' ? 0 : status === 'received' ? 1 : 2;
}

/** The order of a page: a chosen column (ties newest first), a unit's newest first, or the district's work queue. */
function ordered<Q extends { orderBy: (...args: any[]) => Q }>(query: Q, isUnit: boolean, filter: ItemListFilter): Q {
  const direction = filter.order === 'desc' ? 'desc' : 'asc';
  const raw = (text: string) => sql.raw(text);
  switch (filter.sort) {
    case 'submitted':
      query = query.orderBy('items.submitted', direction);
      break;
    // Units in the annex's order (series by series), as the office lists them.
    case 'unit':
      query = query.orderBy('items.unit_id', direction);
      break;
    case 'status':
      query = query.orderBy(raw(STATUS_RANK_SQL), direction);
      break;
    case 'points':
      query = query.orderBy(raw(POINTS_SQL), direction);
      break;
    default:
      if (!isUnit) {
        // One state: its rank is fixed by the WHERE (see listItems), and ordering by it again would make SQLite sort.
        if (!filter.status) query = query.orderBy(raw(INBOX_RANK_SQL));
        return query
          .orderBy(raw(INBOX_PENDING_DATE_SQL))
          .orderBy('items.submitted', 'desc')
          .orderBy(raw(INBOX_TIE_SQL));
      }
  }
  return query.orderBy('items.submitted', 'desc').orderBy('items.id', 'desc');
}

/** An item sent to the district, as a candidate for duplicate warnings. */
export interface SimilarCandidateRow {
  id: number;
  ref: string;
  title: string;
  submitted: string;
  status: string;
  unit_id: number;
  unit: string;
  body: string | null;
}

const SIMILAR_CANDIDATE_COLUMNS = [
  'items.id',
  'items.ref',
  'items.title',
  'items.submitted',
  'items.status',
  'items.unit_id',
  'units.name as unit',
  'items.body',
] as const;

/** Items sent to the district and submitted between two dates (inclusive), newest first, at most `limit`. */
export async function sentItemsSubmittedBetween(
  db: Db,
  from: string,
  to: string,
  limit: number
): Promise<SimilarCandidateRow[]> {
  return db
    .selectFrom('items')
    .innerJoin('units', 'units.id', 'items.unit_id')
    .select(SIMILAR_CANDIDATE_COLUMNS)
    .where('items.sent_at', 'is not', null)
    .where('items.submitted', '>=', from)
    .where('items.submitted', '<=', to)
    .orderBy('items.submitted', 'desc')
    .orderBy('items.id', 'desc')
    .limit(limit)
    .execute();
}

/** The items among `ids` that were sent to the district, as duplicate-warning subjects. */
export async function findSentItems(db: Db, ids: readonly number[]): Promise<SimilarCandidateRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('items')
    .innerJoin('units', 'units.id', 'items.unit_id')
    .select(SIMILAR_CANDIDATE_COLUMNS)
    .where('items.id', 'in', [...ids])
    .where('items.sent_at', 'is not', null)
    .execute();
}

export async function insertAttachment(db: Db, attachment: Omit<AttachmentRow, 'id'>): Promise<number> {
  const { id } = await db.insertInto('attachments').values(attachment).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function listAttachments(db: Db, itemId: number): Promise<Omit<AttachmentRow, 'content'>[]> {
  return db
    .selectFrom('attachments')
    .select(['id', 'item_id', 'filename', 'media_type', 'size', 'sha256', 'created_by', 'created_at'])
    .where('item_id', '=', itemId)
    .orderBy('id')
    .execute();
}

export async function findAttachment(db: Db, itemId: number, id: number): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('item_id', '=', itemId).where('id', '=', id).executeTakeFirst();
}

export async function deleteAttachment(db: Db, itemId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('attachments')
    .where('item_id', '=', itemId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** An item's bookings in date order: what each of its records earned. */
export async function listItemBookings(
  db: Db,
  itemId: number
): Promise<{ date: string; points: number; rule: string; record_ref: string }[]> {
  return db
    .selectFrom('bookings')
    .select(['date', 'points', 'rule', 'record_ref'])
    .where('source_type', '=', 'item')
    .where('source_id', '=', itemId)
    .orderBy('date')
    .execute();
}

/** The editorial records of an item, for its page. */
export async function itemRecords(db: Db, itemId: number) {
  const [adoptions, instructions, upwards, responses] = await Promise.all([
    db
      .selectFrom('adoptions')
      .select(['id', 'ref', 'outlet', 'kind', 'date', 'issue', 'version'])
      .where('item_id', '=', itemId)
      .orderBy('date')
      .execute(),
    db
      .selectFrom('instructions')
      .select(['id', 'ref', 'level', 'date', 'leader', 'text'])
      .where('item_id', '=', itemId)
      .orderBy('date')
      .execute(),
    db
      .selectFrom('upwards')
      .select(['id', 'ref', 'level', 'kind', 'date'])
      .where('item_id', '=', itemId)
      .orderBy('date')
      .execute(),
    db
      .selectFrom('responses')
      .innerJoin('solicitations', 'solicitations.id', 'responses.solicitation_id')
      .select([
        'responses.id',
        'responses.ref',
        'solicitations.id as solicitation_id',
        'solicitations.title',
        'solicitations.deadline',
      ])
      .where('responses.item_id', '=', itemId)
      .execute(),
  ]);
  return { adoptions, instructions, upwards, responses };
}

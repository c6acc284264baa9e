import { sql } from 'kysely';
import { asOfBounds, MISSED_DEADLINE_RULE } from '../../domain/as-of.js';
import type { Booking, BookingSource } from '../../domain/bookings.js';
import { periodOf, type IsoDate } from '../../domain/dates.js';
import type { Db } from '../database.js';
import type { BookingRow } from '../tables/booking.table.js';
import { bulkInsert, chunked } from './bulk.js';

const BOOKING_COLUMNS = ['unit_id', 'date', 'period', 'points', 'rule', 'source_type', 'source_id', 'record_ref'];

/**
 * Replaces the bookings of the given sources with freshly computed ones, so a changed or
 * deleted record never leaves stale points behind. Run inside the writing transaction.
 */
export async function replaceBookings(
  db: Db,
  sourceType: BookingSource['type'],
  sourceIds: readonly number[],
  bookings: readonly Booking[]
): Promise<void> {
  for (const ids of chunked(sourceIds)) {
    if (ids.length > 0)
      await db.deleteFrom('bookings').where('source_type', '=', sourceType).where('source_id', 'in', ids).execute();
  }
  await insertBookings(db, bookings);
}

/** Adds bookings of sources that have none yet (records created in the same transaction). */
export async function insertBookings(db: Db, bookings: readonly Booking[]): Promise<void> {
  await bulkInsert(
    db,
    'bookings',
    BOOKING_COLUMNS,
    bookings.map((b) => [b.unitId, b.date, periodOf(b.date), b.points, b.rule, b.sourceType, b.sourceId, b.recordRef])
  );
}

/** Which bookings count: up to and including a period, and as of a date when one is given. */
export interface BookingWindow {
  maxPeriod: number;
  /** Bookings dated after it do not count, nor deadline penalties on or after it (their deadline has not passed). */
  asOf?: IsoDate;
}

/** Points per unit and quarter: the one GROUP BY behind every score. */
export async function sumPointsByUnitAndPeriod(
  db: Db,
  window: BookingWindow
): Promise<{ unit_id: number; period: number; points: number }[]> {
  let query = db
    .selectFrom('bookings')
    .select(['unit_id', 'period', sql<number>`sum(points)`.as('points')])
    .where('period', '<=', window.maxPeriod);
  if (window.asOf !== undefined) query = applyAsOf(query, window.asOf);
  const rows = await query.groupBy(['unit_id', 'period']).execute();
  return rows.map((r) => ({ unit_id: r.unit_id, period: r.period, points: Number(r.points) }));
}

/** The domain's as-of rule (`countsAsOf`) as SQL: the same bounds, the same two conditions. */
function applyAsOf<Q extends { where: (...args: any[]) => Q }>(query: Q, asOf: IsoDate): Q {
  const bounds = asOfBounds(asOf);
  /* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- Q is any query joining bookings. */
  const deadlineBookingIsDue = (eb: any) =>
    eb.or([eb('bookings.rule', '!=', bounds.deadlineRule), eb('bookings.date', '<', bounds.deadlineRuleBefore)]);
  /* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access */
  return query.where('bookings.date', '<=', bounds.lastDate).where(deadlineBookingIsDue);
}

/** The earliest quarter with any booking (as of a date), or null when there is none. */
export async function earliestBookingPeriod(db: Db, asOf?: IsoDate): Promise<number | null> {
  let query = db.selectFrom('bookings').select(sql<number | null>`min(period)`.as('first'));
  if (asOf !== undefined) query = applyAsOf(query, asOf);
  const row = await query.executeTakeFirst();
  return row?.first === null || row?.first === undefined ? null : Number(row.first);
}

/** One unit's bookings in a range of quarters, in date order, with the ledger id of the item each is for. */
export async function listUnitBookings(
  db: Db,
  unitId: number,
  fromPeriod: number,
  toPeriod: number,
  asOf?: IsoDate
): Promise<(BookingRow & { item_ref: string | null })[]> {
  let query = db
    .selectFrom('bookings')
    .leftJoin('items', (join) =>
      join.onRef('items.id', '=', 'bookings.source_id').on('bookings.source_type', '=', 'item')
    )
    .selectAll('bookings')
    .select('items.ref as item_ref')
    .where('bookings.unit_id', '=', unitId)
    .where('period', '>=', fromPeriod)
    .where('period', '<=', toPeriod);
  if (asOf !== undefined) query = applyAsOf(query, asOf);
  return query.orderBy('date').orderBy('bookings.id').execute();
}

/** A unit's automatic deductions for missed solicitation deadlines dated within a range. */
export async function findMissedDeadlines(
  db: Db,
  unitId: number,
  from: IsoDate,
  to: IsoDate
): Promise<{ date: string; record_ref: string }[]> {
  return db
    .selectFrom('bookings')
    .select(['date', 'record_ref'])
    .where('unit_id', '=', unitId)
    .where('rule', '=', MISSED_DEADLINE_RULE)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}

/** Units with an automatic deduction for missing a solicitation's deadline. */
export async function findMissingUnits(db: Db, solicitationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('bookings')
    .select('unit_id')
    .where('source_type', '=', 'solicitation')
    .where('source_id', '=', solicitationId)
    .where('rule', '=', MISSED_DEADLINE_RULE)
    .execute();
  return rows.map((r) => r.unit_id);
}

/** Manual lateness deductions (不按时间及要求上报约稿信息) of some units dated within a range. */
export async function findLatePenalties(
  db: Db,
  unitIds: readonly number[],
  from: IsoDate,
  to: IsoDate
): Promise<{ ref: string; date: string; unit: string }[]> {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('penalties')
    .innerJoin('units', 'units.id', 'penalties.unit_id')
    .select(['penalties.ref', 'penalties.date', 'units.name as unit'])
    .where('penalties.unit_id', 'in', [...unitIds])
    .where('penalties.reason', '=', 'late_solicitation')
    .where('penalties.date', '>=', from)
    .where('penalties.date', '<=', to)
    .orderBy('penalties.date')
    .execute();
}

/** Points and booking counts per series, quarter and rule: what the scores page charts by outlet. */
export async function sumPointsBySeriesAndRule(
  db: Db,
  fromPeriod: number,
  toPeriod: number,
  asOf?: IsoDate
): Promise<{ series: string; period: number; rule: string; points: number; bookings: number }[]> {
  let query = db
    .selectFrom('bookings')
    .innerJoin('units', 'units.id', 'bookings.unit_id')
    .select([
      'units.series_code as series',
      'bookings.period',
      'bookings.rule',
      sql<number>`sum(bookings.points)`.as('points'),
      sql<number>`count(*)`.as('bookings'),
    ])
    .where('bookings.period', '>=', fromPeriod)
    .where('bookings.period', '<=', toPeriod);
  if (asOf !== undefined) query = applyAsOf(query, asOf);
  const rows = await query.groupBy(['units.series_code', 'bookings.period', 'bookings.rule']).execute();
  return rows.map((r) => ({
    series: r.series,
    period: Number(r.period),
    rule: r.rule,
    points: Number(r.points),
    bookings: Number(r.bookings),
  }));
}

/** Bookings of quarters `fromPeriod`..`toPeriod` as counted, with the unit's name and the item's title and ledger id. */
export async function listBookingsWithUnits(
  db: Db,
  fromPeriod: number,
  toPeriod: number,
  asOf?: IsoDate
): Promise<
  { unit: string; period: number; rule: string; points: number; record_ref: string; item_title: string | null }[]
> {
  let query = db
    .selectFrom('bookings')
    .innerJoin('units', 'units.id', 'bookings.unit_id')
    .leftJoin('items', (join) =>
      join.onRef('items.id', '=', 'bookings.source_id').on('bookings.source_type', '=', 'item')
    )
    .select([
      'units.name as unit',
      'bookings.period',
      'bookings.rule',
      'bookings.points',
      'bookings.record_ref',
      'items.title as item_title',
    ])
    .where('bookings.period', '>=', fromPeriod)
    .where('bookings.period', '<=', toPeriod);
  if (asOf !== undefined) query = applyAsOf(query, asOf);
  const rows = await query.orderBy('bookings.date').orderBy('bookings.id').execute();
  return rows.map((r) => ({ ...r, period: Number(r.period), points: Number(r.points) }));
}

import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * 记分: the points the rules engine derived from the records, kept so that scores are one
 * GROUP BY. Rows of one source (an item, a solicitation, a penalty) are replaced together
 * whenever a record of that source changes.
 */
export interface BookingTable {
  id: Generated<number>;
  unit_id: number;
  date: string;
  /** year * 4 + quarter - 1, for grouping by quarter without date arithmetic in SQL. */
  period: number;
  points: number;
  rule: string;
  source_type: string;
  source_id: number;
  /** Ledger id of the record behind the points; its type follows from `rule` (recordTypeOfRule). */
  record_ref: string;
}

export type BookingRow = Selectable<BookingTable>;
export type NewBookingRow = Insertable<BookingTable>;

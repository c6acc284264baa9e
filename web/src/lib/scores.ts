/**
 * The documents of the scores API, shared by the unit's progress page and the district's scores
 * pages: `scores --json` and `explain --json` of ledger-and-cli.md, served by GET /api/scores and
 * GET /api/scores/explain. A unit's year is the domain's own type.
 */
import type { QuarterAssessment, UnitAssessment } from '@domain/assessment';

export type { QuarterAssessment, UnitAssessment };

export interface ScoresDocument {
  year: number;
  quarter?: number;
  policy: string;
  units: UnitAssessment[];
}

/** One booking behind a unit's points. */
export interface ExplainedBooking {
  date: string;
  quarter: number;
  points: number;
  rule: string;
  description: string;
  record: { type: string; id: string };
  item: string | null;
  itemId: number | null;
  /** The item's title, for links (null for bookings without an item). */
  itemTitle: string | null;
  policy: string;
}

export interface Explanation {
  unit: string;
  series: string;
  year: number;
  quarter?: number;
  points: number;
  quarters: { quarter: number; points: number }[];
  bookings: ExplainedBooking[];
}

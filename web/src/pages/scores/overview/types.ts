/** The documents of the scores API (ledger-and-cli.md: `scores --json`, `explain --json`). */

export interface QuarterAssessment {
  quarter: number;
  points: number;
  /** `null` for a series assessed only by year (直报点). */
  target: number | null;
  met: boolean | null;
  failed_streak: number | null;
}

export interface UnitAssessment {
  unit: string;
  series: string;
  quarters: QuarterAssessment[];
  annual: { points: number; target: number; met: boolean };
  rank: number;
  all_quarters_met: boolean;
}

export interface ScoresDocument {
  year: number;
  quarter?: number;
  policy: string;
  units: UnitAssessment[];
}

/** GET /api/scores/by-rule: points per series, quarter and booking rule. */
export interface RuleTotal {
  series: string;
  quarter: number;
  rule: string;
  description: string;
  points: number;
  bookings: number;
}

export interface RuleTotalsDocument {
  year: number;
  quarter?: number;
  rows: RuleTotal[];
}

/** One booking behind a unit's points (GET /api/scores/explain). */
export interface ExplainedBooking {
  date: string;
  quarter: number;
  points: number;
  rule: string;
  description: string;
  record: { type: string; id: string };
  item: string | null;
  itemId: number | null;
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

/** A figure of one period (a quarter or the year) as the tables show it. */
export interface PeriodFigure {
  points: number;
  target: number | null;
  met: boolean | null;
}

/** A unit at risk of missing this quarter's target while it can still be met. */
export interface EarlyWarning {
  unit: string;
  series: string;
  points: number;
  target: number;
  /** Points still needed to meet the target. */
  needed: number;
  /** Days left in the quarter, today included. */
  daysLeft: number;
  quarter: number;
}

/** Data for one chart: categories on the x axis and one or more bar or line series. */
export interface ChartData {
  categories: string[];
  series: { name: string; type: 'bar' | 'line'; data: (number | null)[]; stack?: string }[];
}

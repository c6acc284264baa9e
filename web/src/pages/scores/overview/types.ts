/** The documents of the scores API (ledger-and-cli.md: `scores --json`, `explain --json`) as the server declares them, and the page's own shapes. */

export type {
  QuarterAssessment,
  UnitAssessment,
  ScoresDocument,
  ExplainedBooking,
  Explanation,
  RuleTotal,
  RuleTotalsDocument,
} from '@shared/api/scores';

/** A figure of one period (a quarter or the year) as the tables show it. */
export type { PeriodFigure } from '@shared/tables/score-columns';

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
export type { ChartData } from '@shared/score-chart';

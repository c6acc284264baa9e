import { periodIndex, quarterEnd, type IsoDate } from '../domain/dates.js';
import { describeRule } from '../domain/describe-rule.js';
import { policyForPeriod } from '../domain/policy.js';
import type { Db } from '../db/database.js';
import { sumPointsBySeriesAndRule } from '../db/repositories/booking.repository.js';
import { listPolicies } from '../db/repositories/policy.repository.js';

export interface RuleTotal {
  series: string;
  quarter: number;
  /** The booking rule, e.g. `adoption:report:research`. */
  rule: string;
  /** The rule in words, by the policy in force at the quarter's end. */
  description: string;
  points: number;
  bookings: number;
}

export interface RuleTotalsDocument {
  year: number;
  quarter?: number;
  rows: RuleTotal[];
}

/** Points of a year (or one quarter) per series, quarter and rule: one GROUP BY, however many items are stored. */
export async function scoresByRule(
  db: Db,
  options: { year: number; quarter?: number; asOf?: IsoDate }
): Promise<RuleTotalsDocument> {
  const first = periodIndex(options.year, options.quarter ?? 1);
  const last = periodIndex(options.year, options.quarter ?? 4);
  const [sums, policies] = await Promise.all([
    sumPointsBySeriesAndRule(db, first, last, options.asOf),
    listPolicies(db),
  ]);
  const rows = sums.map((row): RuleTotal => {
    const quarter = (row.period % 4) + 1;
    const policy = policyForPeriod(policies, quarterEnd(options.year, quarter));
    return {
      series: row.series,
      quarter,
      rule: row.rule,
      description: describeRule(row.rule, policy),
      points: row.points,
      bookings: row.bookings,
    };
  });
  rows.sort((a, b) => a.series.localeCompare(b.series) || a.quarter - b.quarter || a.rule.localeCompare(b.rule));
  return { year: options.year, ...(options.quarter ? { quarter: options.quarter } : {}), rows };
}

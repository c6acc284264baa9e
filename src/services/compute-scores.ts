import { assessYear, type UnitAssessment } from '../domain/assessment.js';
import { periodIndex, type IsoDate } from '../domain/dates.js';
import { policyForPeriod } from '../domain/policy.js';
import type { Db } from '../db/database.js';
import { earliestBookingPeriod, sumPointsByUnitAndPeriod } from '../db/repositories/booking.repository.js';
import { listPolicies } from '../db/repositories/policy.repository.js';
import { listSeries, listUnits } from '../db/repositories/unit.repository.js';

export interface ScoresOptions {
  /** 考核年度. */
  year: number;
  /** Adds `quarter` to the document; the figures are the same. */
  quarter?: number;
  /** Count only bookings dated on or before it and deadlines before it. */
  asOf?: IsoDate;
}

/** The `scores --json` document of ledger-and-cli.md. */
export interface ScoresDocument {
  year: number;
  quarter?: number;
  policy: string;
  units: UnitAssessment[];
}

/** Every unit's quarter and annual points against its series' targets, with ranks and streaks. */
export async function computeScores(db: Db, options: ScoresOptions): Promise<ScoresDocument> {
  const [units, series, policies, firstPeriod, sums] = await Promise.all([
    listUnits(db),
    listSeries(db),
    listPolicies(db),
    earliestBookingPeriod(db, options.asOf),
    sumPointsByUnitAndPeriod(db, { maxPeriod: periodIndex(options.year, 4), asOf: options.asOf }),
  ]);
  const totals = new Map<number, Map<number, number>>();
  for (const { unit_id, period, points } of sums) {
    let unitTotals = totals.get(unit_id);
    if (!unitTotals) totals.set(unit_id, (unitTotals = new Map<number, number>()));
    unitTotals.set(period, points);
  }
  const assessed = assessYear({
    year: options.year,
    units: units.map((u) => ({ id: u.id, name: u.name, series: u.series_code })),
    totals,
    policies,
    earliestBookingYear: firstPeriod === null ? null : Math.floor(firstPeriod / 4),
  });
  const seriesOrder = new Map(series.map((s) => [s.code, s.sort_order]));
  assessed.sort((a, b) => (seriesOrder.get(a.series) ?? 0) - (seriesOrder.get(b.series) ?? 0) || a.rank - b.rank);

  const document: ScoresDocument = {
    year: options.year,
    policy: policyForPeriod(policies, `${options.year}-12-31`).name,
    units: assessed,
  };
  return options.quarter === undefined
    ? document
    : { year: options.year, quarter: options.quarter, policy: document.policy, units: assessed };
}

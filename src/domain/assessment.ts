import { periodIndex, quarterEnd } from './dates.js';
import { policyForPeriod, type Policy } from './policy.js';
import { competitionRanks } from './ranking.js';

/** A reporting unit (报送单位) and the series (序列) it is assessed in. */
export interface AssessedUnit {
  id: number;
  name: string;
  series: string;
}

export interface QuarterAssessment {
  quarter: number;
  points: number;
  /** `null` for a series assessed only by year (直报点). */
  target: number | null;
  met: boolean | null;
  /** Consecutive failed quarters ending with this one, across years; `null` where there is no quarterly target. */
  failed_streak: number | null;
}

/** One unit's year, in the shape of `scores --json` (ledger-and-cli.md). */
export interface UnitAssessment {
  unit: string;
  series: string;
  quarters: QuarterAssessment[];
  annual: { points: number; target: number; met: boolean };
  rank: number;
  all_quarters_met: boolean;
}

export interface AssessYearInput {
  year: number;
  units: readonly AssessedUnit[];
  /** Points per unit id and period (`periodIndex`), for the year and every earlier one streaks may reach. */
  totals: ReadonlyMap<number, ReadonlyMap<number, number>>;
  policies: readonly Policy[];
  /** The earliest year in which any unit has a booking; streaks count back no further. */
  earliestBookingYear: number | null;
}

/**
 * Assesses every unit for a year: quarter and annual points against the series targets,
 * rank within the series (ties share a rank, the next is skipped), all_quarters_met and
 * the cross-year failed streak of each quarter (scoring.md, 考核办法).
 */
export function assessYear(input: AssessYearInput): UnitAssessment[] {
  const { year, units, totals, policies } = input;
  const streakStart = periodIndex(Math.min(input.earliestBookingYear ?? year, year), 1);
  const annualPolicy = policyForPeriod(policies, `${year}-12-31`);

  const quarterTarget = (series: string, period: number): number | null => {
    const y = Math.floor(period / 4);
    const q = (period % 4) + 1;
    return policyForPeriod(policies, quarterEnd(y, q)).series[series]?.quarterly ?? null;
  };

  const assessments = units.map((unit): UnitAssessment => {
    const unitTotals = totals.get(unit.id);
    const pointsIn = (period: number) => unitTotals?.get(period) ?? 0;
    const isFailed = (period: number) => {
      const target = quarterTarget(unit.series, period);
      return target !== null && pointsIn(period) < target;
    };

    const quarters = [1, 2, 3, 4].map((quarter): QuarterAssessment => {
      const period = periodIndex(year, quarter);
      const points = pointsIn(period);
      const target = quarterTarget(unit.series, period);
      if (target === null) return { quarter, points, target: null, met: null, failed_streak: null };
      let streak = 0;
      for (let p = period; p >= streakStart && isFailed(p); p--) streak++;
      return { quarter, points, target, met: points >= target, failed_streak: streak };
    });

    const annualPoints = quarters.reduce((sum, q) => sum + q.points, 0);
    const annualTarget = annualPolicy.series[unit.series]?.annual ?? 0;
    const annualMet = annualPoints >= annualTarget;
    const hasQuarterlyTargets = quarters.every((q) => q.met !== null);
    return {
      unit: unit.name,
      series: unit.series,
      quarters,
      annual: { points: annualPoints, target: annualTarget, met: annualMet },
      rank: 0,
      all_quarters_met: hasQuarterlyTargets ? quarters.every((q) => q.met === true) : annualMet,
    };
  });

  assignRanks(assessments);
  return assessments;
}

/** Competition ranking within each series by annual points: 1, 1, 3. */
function assignRanks(assessments: UnitAssessment[]): void {
  const bySeries = new Map<string, UnitAssessment[]>();
  for (const a of assessments) {
    const list = bySeries.get(a.series) ?? [];
    list.push(a);
    bySeries.set(a.series, list);
  }
  for (const list of bySeries.values()) {
    for (const [a, rank] of competitionRanks(list, (u) => u.annual.points)) a.rank = rank;
  }
}

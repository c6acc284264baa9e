/** API calls of the scores pages and the pure logic behind their tables, lists, warnings and charts. */
import {
  commendCandidates as commendedUnits,
  criticisedInQuarter,
  DEFAULT_FAILED_STREAK_NOTICE,
  failedStreakReached,
} from '@domain/assessment-notices';
import { addDays, quarterEnd, quarterOf, yearOf } from '@domain/dates';
import { competitionRanks } from '@domain/ranking';
import { http, query } from '../../../http';
import type { EarlyWarning, PeriodFigure, RuleTotalsDocument, ScoresDocument, UnitAssessment } from './types';

export function loadScores(year: number, quarter: number | null, signal?: AbortSignal): Promise<ScoresDocument> {
  return http.get<ScoresDocument>(`/api/scores${query({ year, quarter })}`, { signal });
}

export function loadRuleTotals(
  year: number,
  quarter: number | null,
  signal?: AbortSignal
): Promise<RuleTotalsDocument> {
  return http.get<RuleTotalsDocument>(`/api/scores/by-rule${query({ year, quarter })}`, { signal });
}

export { QUARTER_NAMES } from '@shared/score-chart-data';

/** Years the office can look at: from the earliest policy's year to this year, newest first. */
export function yearOptions(firstYear: number, thisYear: number): number[] {
  const years: number[] = [];
  for (let year = thisYear; year >= Math.min(firstYear, thisYear); year--) years.push(year);
  return years;
}

/** A unit's figure for a quarter, or for the year when no quarter is chosen. */
export function periodFigure(unit: UnitAssessment, quarter: number | null): PeriodFigure {
  if (quarter === null) return unit.annual;
  const q = unit.quarters.find((x) => x.quarter === quarter);
  return q ? { points: q.points, target: q.target, met: q.met } : { points: 0, target: null, met: null };
}

/** 还差 N 分 / 超出 N 分 against the target, as the server judged met or failed. */
export function gapLabel(figure: PeriodFigure): string {
  if (figure.target === null) return '按年度考核';
  const gap = figure.points - figure.target;
  if (gap < 0) return `还差 ${-gap} 分`;
  return gap === 0 ? '恰好达标' : `超出 ${gap} 分`;
}

/** One series' units with their rank by the period's points: a quarter's, or the year's when no quarter is chosen. */
export interface RankedUnit {
  unit: UnitAssessment;
  rank: number;
}

/**
 * One series' units in rank order by the period shown (ties share a rank, 1, 1, 3; then by name, so
 * rows do not jump). The documents' own `rank` is by the year's points, which a quarter's table must not show.
 */
export function seriesRows(units: readonly UnitAssessment[], series: string, quarter: number | null): RankedUnit[] {
  const members = units.filter((u) => u.series === series);
  const ranks = competitionRanks(members, (u) => periodFigure(u, quarter).points);
  return members
    .map((unit) => ({ unit, rank: ranks.get(unit)! }))
    .sort((a, b) => a.rank - b.rank || a.unit.unit.localeCompare(b.unit.unit, 'zh-CN'));
}

/** The rank column's header: which points it ranks by. */
export function rankTitle(quarter: number | null): string {
  return quarter === null ? '年度排名' : '季度排名';
}

const bySeriesThenRank = (order: readonly string[]) => (a: UnitAssessment, b: UnitAssessment) =>
  order.indexOf(a.series) - order.indexOf(b.series) || a.rank - b.rank || a.unit.localeCompare(b.unit, 'zh-CN');

/** 通报表扬候选 (the domain's rule), in rank order within each series. */
export function commendCandidates(units: readonly UnitAssessment[], seriesOrder: readonly string[]): UnitAssessment[] {
  return commendedUnits(units).sort(bySeriesThenRank(seriesOrder));
}

/** 季度通报批评 (the domain's rule): units whose quarter the server assessed as failed. */
export function criticised(
  units: readonly UnitAssessment[],
  quarter: number,
  seriesOrder: readonly string[]
): UnitAssessment[] {
  return criticisedInQuarter(units, quarter).sort(bySeriesThenRank(seriesOrder));
}

/** 连续 N 个季度未完成 (建议更换信息员): a failed streak as long as the policy's notice (four) ending with the quarter. */
export function replaceOfficer(
  units: readonly UnitAssessment[],
  quarter: number,
  seriesOrder: readonly string[],
  threshold = DEFAULT_FAILED_STREAK_NOTICE
): UnitAssessment[] {
  return failedStreakReached(units, quarter, threshold).sort(bySeriesThenRank(seriesOrder));
}

/** The quarter the lists speak of: the chosen one; for a whole year this quarter (this year) or the fourth. */
export function listQuarter(year: number, quarter: number | null, today: string): number {
  if (quarter !== null) return quarter;
  return year === yearOf(today) ? quarterOf(today) : 4;
}

/** Whether the quarter is still running today (its figures are as of today, not final). */
export function quarterInProgress(year: number, quarter: number, today: string): boolean {
  return year === yearOf(today) && quarter === quarterOf(today);
}

/** Days from today to the quarter's last day, both included. */
export function daysLeftInQuarter(today: string): number {
  const end = quarterEnd(yearOf(today), quarterOf(today));
  let days = 1;
  for (let date = today; date < end; date = addDays(date, 1)) days++;
  return days;
}

/**
 * 预警: units that may miss this quarter's target while it can still be met — the current quarter
 * (not yet over), a quarterly target, and points so far below it. Most points still needed first.
 * A document of another year has no current quarter, so no warnings.
 */
export function earlyWarnings(document: ScoresDocument | undefined, today: string): EarlyWarning[] {
  if (!document || document.year !== yearOf(today)) return [];
  const quarter = quarterOf(today);
  const daysLeft = daysLeftInQuarter(today);
  const warnings: EarlyWarning[] = [];
  for (const unit of document.units) {
    const q = unit.quarters[quarter - 1];
    if (!q || q.target === null || q.points >= q.target) continue;
    warnings.push({
      unit: unit.unit,
      series: unit.series,
      points: q.points,
      target: q.target,
      needed: q.target - q.points,
      daysLeft,
      quarter,
    });
  }
  return warnings.sort((a, b) => b.needed - a.needed || a.unit.localeCompare(b.unit, 'zh-CN'));
}

export { outletChart, quarterChart, ruleGroup } from '@shared/score-chart-data';
export { categoryAxisLabel } from '@shared/score-chart';

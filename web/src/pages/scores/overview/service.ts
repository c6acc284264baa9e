/** API calls of the scores pages and the pure logic behind their tables, lists, warnings and charts. */
import {
  commendCandidates as commendedUnits,
  criticisedInQuarter,
  DEFAULT_FAILED_STREAK_NOTICE,
  failedStreakReached,
} from '@domain/assessment-notices';
import { addDays, quarterEnd, quarterOf, yearOf } from '@domain/dates';
import {
  gapLabel,
  periodFigure,
  QUARTER_NAMES,
  rankTitle,
  seriesRows,
  type RankedUnit,
} from '@shared/tables/score-columns';
import { http, query } from '../../../http';

import type { EarlyWarning, RuleTotalsDocument, ScoresDocument, UnitAssessment } from './types';

// The series table's logic lives with its column titles, shared with the 导出Excel workbook.
export { gapLabel, periodFigure, QUARTER_NAMES, rankTitle, seriesRows, type RankedUnit };

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

/** Years the office can look at: from the earliest policy's year to this year, newest first. */
export function yearOptions(firstYear: number, thisYear: number): number[] {
  const years: number[] = [];
  for (let year = thisYear; year >= Math.min(firstYear, thisYear); year--) years.push(year);
  return years;
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

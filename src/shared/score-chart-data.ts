/**
 * The ChartData the scores pages and the summaries draw: built here once, so a chart embedded in
 * a summary (`files/chart-image.ts`) is the chart its reader sees on the scores overview page.
 */
import type { Policy } from '../domain/policy.js';
import type { ChartData } from './score-chart.js';

import { QUARTER_NAMES } from './tables/score-columns.js';

export { QUARTER_NAMES };

/** The parts of a unit's assessment the charts read (the domain's and the API's documents alike). */
export interface ChartedUnit {
  unit: string;
  series: string;
  quarters: readonly { points: number; target: number | null }[];
}

/** The parts of a rule total the outlet chart reads. */
export interface ChartedRuleTotal {
  series: string;
  quarter: number;
  rule: string;
  points: number;
}

/** Points by quarter: each series' total, or one unit's points against its quarterly target. */
export function quarterChart(
  units: readonly ChartedUnit[],
  series: readonly { code: string; name: string }[],
  unit?: string
): ChartData {
  const categories = QUARTER_NAMES;
  if (unit) {
    const found = units.find((u) => u.unit === unit);
    if (!found) return { categories, series: [] };
    const hasTarget = found.quarters.some((q) => q.target !== null);
    return {
      categories,
      series: [
        { name: `${found.unit}得分`, type: 'bar', data: found.quarters.map((q) => q.points) },
        ...(hasTarget ? [{ name: '季度指标', type: 'line' as const, data: found.quarters.map((q) => q.target) }] : []),
      ],
    };
  }
  return {
    categories,
    series: series.map((s) => ({
      name: s.name,
      type: 'bar' as const,
      data: [1, 2, 3, 4].map((quarter) => seriesQuarterTotal(units, s.code, quarter)),
    })),
  };
}

function seriesQuarterTotal(units: readonly ChartedUnit[], series: string | null, quarter: number): number {
  return units
    .filter((u) => series === null || u.series === series)
    .reduce((sum, u) => sum + (u.quarters[quarter - 1]?.points ?? 0), 0);
}

/**
 * What a booking rule counts under in the chart by outlet: adoptions by the outlet's name in the
 * policy; instructions, upward bonuses, solicitations and deductions each as one group.
 */
export function ruleGroup(rule: string, policy: Policy | undefined): string {
  const [head, outlet] = rule.split(':');
  switch (head) {
    case 'adoption':
      return policy?.outlets[outlet]?.name ?? outlet;
    case 'district_instruction':
      return '区领导批示';
    case 'upward':
      return '上报省市加分';
    case 'solicitation_answered':
      return '约稿加分';
    case 'solicitation_missed':
    case 'penalty':
      return '扣分';
    default:
      return rule;
  }
}

/** Points by outlet (and the other groups), one bar per series, optionally one quarter only. */
export function outletChart(
  document: { year?: number; quarter?: number; rows: readonly ChartedRuleTotal[] } | undefined,
  policy: Policy | undefined,
  series: readonly { code: string; name: string }[],
  quarter: number | null
): ChartData {
  const rows = (document?.rows ?? []).filter((r) => quarter === null || r.quarter === quarter);
  // Outlets in the policy's order first, then the other groups in a fixed order.
  const order = [
    ...Object.values(policy?.outlets ?? {}).map((o) => o.name),
    '区领导批示',
    '上报省市加分',
    '约稿加分',
    '扣分',
  ];
  const groups = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const group = ruleGroup(row.rule, policy);
    let bySeries = groups.get(group);
    if (!bySeries) groups.set(group, (bySeries = new Map<string, number>()));
    bySeries.set(row.series, (bySeries.get(row.series) ?? 0) + row.points);
  }
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const categories = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'));
  return {
    categories,
    series: series
      .filter((s) => rows.some((r) => r.series === s.code))
      .map((s) => ({
        name: s.name,
        type: 'bar' as const,
        stack: 'points',
        data: categories.map((c) => groups.get(c)?.get(s.code) ?? 0),
      })),
  };
}

/**
 * The district's points by quarter this year against the same quarters of the year before (the
 * summaries' trend): one line per year over the period's quarters.
 */
export function yearTrendChart(
  current: { year: number; units: readonly ChartedUnit[] },
  previous: { year: number; units: readonly ChartedUnit[] },
  quarters: readonly number[]
): ChartData {
  return {
    categories: quarters.map((q) => QUARTER_NAMES[q - 1]),
    series: [previous, current].map((document) => ({
      name: `${document.year}年`,
      type: 'line' as const,
      data: quarters.map((q) => seriesQuarterTotal(document.units, null, q)),
    })),
  };
}

/** A chart cut to some quarters (a half-year summary shows the first two of a four-quarter chart). */
export function chartOfQuarters(chart: ChartData, quarters: readonly number[]): ChartData {
  return {
    categories: quarters.map((q) => chart.categories[q - 1]),
    series: chart.series.map((s) => ({ ...s, data: quarters.map((q) => s.data[q - 1] ?? null) })),
  };
}

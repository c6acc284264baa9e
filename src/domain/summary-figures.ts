/**
 * The figures of a half-year or annual summary, computed from two years' assessments and the
 * year's points by rule: per series points against the period's targets, per unit the change
 * against the same period last year, adoptions per outlet, the 通报表扬 list (annual) and the
 * charts. Pure: the service reads the records, this decides what the summary says.
 */
import type { ChartData } from '../shared/score-chart.js';
import { chartOfQuarters, outletChart, quarterChart, ruleGroup, yearTrendChart } from '../shared/score-chart-data.js';
import { commendCandidates } from './assessment-notices.js';
import type { UnitAssessment } from './assessment.js';
import type { Policy } from './policy.js';
import { competitionRanks } from './ranking.js';
import {
  changeRate,
  improvementRanking,
  periodWord,
  seriesAnalysis,
  summaryQuarters,
  summaryTitle,
  type ImprovementEntry,
  type SummaryHalf,
} from './summary-analysis.js';

export interface SummaryUnitFigure {
  unit: string;
  series: string;
  /** Points of each quarter of the period. */
  quarters: number[];
  points: number;
  /** The period's target: the sum of its quarterly targets, or the annual target pro rata (直报点). */
  target: number;
  met: boolean;
  /** Quarters of the period met; null where the series has no quarterly target. */
  quartersMet: number | null;
  previousPoints: number;
  change: number;
  /** Rank within the series by the period's points (1, 1, 3). */
  rank: number;
}

export interface SummarySeriesFigure {
  code: string;
  name: string;
  units: number;
  target: number;
  met: number;
  points: number;
  previousPoints: number;
  /** Percent against last year's same period; null when last year had no points. */
  changeRate: number | null;
  /** The analysis paragraph as drafted from the figures. */
  drafted: string;
}

/** Bookings of one outlet (or instruction, upward, solicitation, deduction group) in the period. */
export interface OutletFigure {
  group: string;
  /** Bookings (an adoption is one booking) and points per series code. */
  bySeries: Record<string, { count: number; points: number }>;
  count: number;
  points: number;
}

export interface CommendedFigure {
  unit: string;
  series: string;
  seriesName: string;
  points: number;
  rank: number;
  /** Current 直接责任人 and 信息员 as registered. */
  directors: string[];
  officers: string[];
}

export interface SummaryFigures {
  year: number;
  half: SummaryHalf;
  title: string;
  /** The policy the units were assessed under, e.g. 番府办〔2010〕12号《番禺区政务信息工作实施方案》 (absent in summaries frozen before it was kept). */
  policyTitle?: string;
  /** e.g. 2011年上半年. */
  periodLabel: string;
  quarters: number[];
  series: SummarySeriesFigure[];
  units: SummaryUnitFigure[];
  outlets: OutletFigure[];
  /** 区领导批示 and upward (上报省市) bookings in the period. */
  instructions: number;
  upward: number;
  totals: { points: number; previousPoints: number; changeRate: number | null };
  mostImproved: ImprovementEntry[];
  mostBehind: ImprovementEntry[];
  /** 通报表扬 (annual summaries only): every quarter met, in rank order within series order. */
  commended: CommendedFigure[] | null;
  charts: { byQuarter: ChartData; byOutlet: ChartData; trend: ChartData };
}

export interface SummaryInput {
  year: number;
  half: SummaryHalf;
  /** e.g. 番禺区. */
  district: string;
  series: readonly { code: string; name: string }[];
  policy: Policy | undefined;
  current: readonly UnitAssessment[];
  previous: readonly UnitAssessment[];
  ruleTotals: readonly { series: string; quarter: number; rule: string; points: number; bookings: number }[];
  contacts: ReadonlyMap<string, { directors: string[]; officers: string[] }>;
}

/** The period's target of a unit: its quarters' targets, or the annual target pro rata where there are none. */
function periodTarget(unit: UnitAssessment, quarters: readonly number[]): number {
  const targets = quarters.map((q) => unit.quarters[q - 1]?.target ?? null);
  if (targets.every((t): t is number => t !== null)) return targets.reduce((a, t) => a + t, 0);
  return Math.round((unit.annual.target * quarters.length) / 4);
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export function buildSummaryFigures(input: SummaryInput): SummaryFigures {
  const quarters = summaryQuarters(input.half);
  const previousPoints = new Map(
    input.previous.map((u) => [u.unit, sum(quarters.map((q) => u.quarters[q - 1]?.points ?? 0))])
  );
  const unitFigures = input.series.flatMap((s) => {
    const members = input.current.filter((u) => u.series === s.code);
    const figures = members.map((u): SummaryUnitFigure => {
      const points = sum(quarters.map((q) => u.quarters[q - 1]?.points ?? 0));
      const target = periodTarget(u, quarters);
      const previous = previousPoints.get(u.unit) ?? 0;
      const quarterly = quarters.map((q) => u.quarters[q - 1]?.met ?? null);
      return {
        unit: u.unit,
        series: u.series,
        quarters: quarters.map((q) => u.quarters[q - 1]?.points ?? 0),
        points,
        target,
        met: points >= target,
        quartersMet: quarterly.some((m) => m === null) ? null : quarterly.filter((m) => m === true).length,
        previousPoints: previous,
        change: points - previous,
        rank: 0,
      };
    });
    const ranks = competitionRanks(figures, (f) => f.points);
    return figures
      .map((f) => ({ ...f, rank: ranks.get(f)! }))
      .sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit, 'zh-CN'));
  });

  const seriesFigures = input.series
    .map((s): SummarySeriesFigure | null => {
      const members = unitFigures.filter((u) => u.series === s.code);
      if (members.length === 0) return null;
      const points = sum(members.map((u) => u.points));
      const previous = sum(members.map((u) => u.previousPoints));
      const target = members[0].target;
      return {
        code: s.code,
        name: s.name,
        units: members.length,
        target,
        met: members.filter((u) => u.met).length,
        points,
        previousPoints: previous,
        changeRate: changeRate(points, previous),
        drafted: seriesAnalysis({
          name: s.name,
          half: input.half,
          target,
          units: members,
          points,
          previousPoints: previous,
        }),
      };
    })
    .filter((s): s is SummarySeriesFigure => s !== null);

  const rows = input.ruleTotals.filter((r) => quarters.includes(r.quarter));
  const outlets = outletFigures(rows, input.policy);
  const count = (head: string) => sum(rows.filter((r) => r.rule.split(':')[0] === head).map((r) => r.bookings));

  const totalPoints = sum(unitFigures.map((u) => u.points));
  const totalPrevious = sum(unitFigures.map((u) => u.previousPoints));
  const { mostImproved, mostBehind } = improvementRanking(unitFigures);
  const seriesOrder = input.series.map((s) => s.code);
  const seriesName = new Map(input.series.map((s) => [s.code, s.name]));
  const commended =
    input.half === 1
      ? null
      : commendCandidates(input.current)
          .sort(
            (a, b) =>
              seriesOrder.indexOf(a.series) - seriesOrder.indexOf(b.series) ||
              a.rank - b.rank ||
              a.unit.localeCompare(b.unit, 'zh-CN')
          )
          .map((u): CommendedFigure => ({
            unit: u.unit,
            series: u.series,
            seriesName: seriesName.get(u.series) ?? u.series,
            points: u.annual.points,
            rank: u.rank,
            directors: input.contacts.get(u.unit)?.directors ?? [],
            officers: input.contacts.get(u.unit)?.officers ?? [],
          }));

  return {
    year: input.year,
    half: input.half,
    title: summaryTitle(input.district, input.year, input.half),
    ...(input.policy ? { policyTitle: input.policy.title } : {}),
    periodLabel: input.half === 1 ? `${input.year}年上半年` : `${input.year}年`,
    quarters,
    series: seriesFigures,
    units: unitFigures,
    outlets,
    instructions: count('district_instruction'),
    upward: count('upward'),
    totals: { points: totalPoints, previousPoints: totalPrevious, changeRate: changeRate(totalPoints, totalPrevious) },
    mostImproved,
    mostBehind,
    commended,
    charts: {
      byQuarter: chartOfQuarters(quarterChart(input.current, input.series), quarters),
      byOutlet: outletChart({ rows }, input.policy, input.series, null),
      trend: yearTrendChart(
        { year: input.year, units: input.current },
        { year: input.year - 1, units: input.previous },
        quarters
      ),
    },
  };
}

/** Bookings and points per outlet group (the outlet chart's groups), in the chart's order. */
function outletFigures(
  rows: readonly { series: string; rule: string; points: number; bookings: number }[],
  policy: Policy | undefined
): OutletFigure[] {
  const order = [
    ...Object.values(policy?.outlets ?? {}).map((o) => o.name),
    '区领导批示',
    '上报省市加分',
    '约稿加分',
    '扣分',
  ];
  const groups = new Map<string, OutletFigure>();
  for (const row of rows) {
    const name = ruleGroup(row.rule, policy);
    let group = groups.get(name);
    if (!group) groups.set(name, (group = { group: name, bySeries: {}, count: 0, points: 0 }));
    const cell = (group.bySeries[row.series] ??= { count: 0, points: 0 });
    cell.count += row.bookings;
    cell.points += row.points;
    group.count += row.bookings;
    group.points += row.points;
  }
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...groups.values()].sort((a, b) => rank(a.group) - rank(b.group) || a.group.localeCompare(b.group, 'zh-CN'));
}

/** The opening paragraph: the district's points, the change, adoptions, instructions and upward. */
export function overviewParagraph(figures: SummaryFigures): string {
  const adoptions = figures.outlets
    .filter((o) => !['区领导批示', '上报省市加分', '约稿加分', '扣分'].includes(o.group))
    .map((o) => `${o.group}采用 ${o.count} 篇`);
  const rate = figures.totals.changeRate;
  const change =
    rate === null
      ? '去年同期无得分记录'
      : rate === 0
        ? '与去年同期持平'
        : `较去年同期（${figures.totals.previousPoints} 分）${rate > 0 ? '增长' : '下降'} ${Math.abs(rate)}%`;
  const met = figures.series.reduce((a, s) => a + s.met, 0);
  return (
    `${periodWord(figures.half)}，全区 ${figures.units.length} 个报送单位合计得分 ${figures.totals.points} 分，${change}；` +
    `${met} 个单位达到${figures.half === 1 ? '半年' : '年度'}指标。` +
    (adoptions.length > 0 ? `信息被${adoptions.join('，')}；` : '') +
    `获区领导批示 ${figures.instructions} 次，上报省、市政府办公厅被采用或批示加分 ${figures.upward} 次。`
  );
}

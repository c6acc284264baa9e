/**
 * The scores tables' logic and column titles, shared by the pages and the 导出Excel workbook: the
 * period's figure, the rank by it, the gap to target and the headers, so screen and file agree.
 */
import { competitionRanks } from '../../domain/ranking.js';
import type { UnitAssessment } from '../api/scores.js';

export const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** A figure of one period (a quarter or the year) as the tables show it. */
export interface PeriodFigure {
  points: number;
  target: number | null;
  met: boolean | null;
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

/** 达标 / 未达标, or 按年度考核 for a series assessed only by year. */
export function metLabel(figure: PeriodFigure): string {
  if (figure.met === null) return '按年度考核';
  return figure.met ? '达标' : '未达标';
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

/** The series table's column titles for a quarter, or for the year when no quarter is chosen. */
export function scoreColumnTitles(quarter: number | null) {
  return {
    rank: rankTitle(quarter),
    unit: '单位',
    points: quarter === null ? '全年得分' : `${QUARTER_NAMES[quarter - 1]}得分`,
    target: quarter === null ? '年度指标' : '季度指标',
    met: '是否达标',
    gap: '与指标差距',
    streak: '连续未完成',
    annual: '全年累计',
  };
}

/** The explain page's bookings table (某单位得分背后的每一笔记分). */
export const BOOKING_COLUMNS = {
  date: '日期',
  description: '记分规则',
  points: '分值',
  item: '稿件',
  record: '依据记录',
} as const;

/** The ledger record behind a booking, in words. */
export const RECORD_TYPES: Record<string, string> = {
  adoption: '采用记录',
  instruction: '批示记录',
  upward: '上报记录',
  solicitation: '约稿',
  response: '约稿回复',
  penalty: '扣分记录',
  item: '稿件',
};

/** The 依据记录 cell: 采用记录 A-12. */
export function recordLabel(record: { type: string; id: string }): string {
  return `${RECORD_TYPES[record.type] ?? record.type} ${record.id}`;
}

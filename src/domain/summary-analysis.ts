/**
 * The wording of the half-year and annual summaries (半年小结、年度总结): the period's name, the
 * change against the same period of the year before, the units most improved and most behind,
 * and the drafted analysis paragraph of each series, which the editor edits before approval.
 */

/** 上半年 (half 1) or the whole year (half null). */
export type SummaryHalf = 1 | null;

/** The quarters a summary covers. */
export function summaryQuarters(half: SummaryHalf): number[] {
  return half === 1 ? [1, 2] : [1, 2, 3, 4];
}

/** 上半年 / 全年, as the paragraphs open. */
export function periodWord(half: SummaryHalf): string {
  return half === 1 ? '上半年' : '全年';
}

/** e.g. 番禺区2011年上半年政务信息工作小结 / 番禺区2011年政务信息工作总结. */
export function summaryTitle(district: string, year: number, half: SummaryHalf): string {
  return half === 1 ? `${district}${year}年上半年政务信息工作小结` : `${district}${year}年政务信息工作总结`;
}

/** The change in percent against last year's figure, one decimal; null when last year had none to compare with. */
export function changeRate(points: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((points - previous) / Math.abs(previous)) * 1000) / 10;
}

/** 较去年同期（N 分）增长 x% / 下降 x% / 持平; or that last year had nothing to compare with. */
export function changeWords(points: number, previous: number): string {
  const rate = changeRate(points, previous);
  if (rate === null) return points === 0 ? '去年同期亦无得分' : '去年同期无得分记录';
  if (rate === 0) return `与去年同期（${previous} 分）持平`;
  return `较去年同期（${previous} 分）${rate > 0 ? '增长' : '下降'} ${Math.abs(rate)}%`;
}

/** A unit's points in the period this year and last year. */
export interface ComparedUnit {
  unit: string;
  series: string;
  points: number;
  previousPoints: number;
}

export interface ImprovementEntry extends ComparedUnit {
  /** Points this period minus points in the same period last year. */
  change: number;
}

/**
 * The units most improved (the largest gain over last year's same period, gains only) and most
 * behind (the largest fall, falls only), at most `limit` of each; equal changes by name.
 */
export function improvementRanking(
  units: readonly ComparedUnit[],
  limit = 5
): { mostImproved: ImprovementEntry[]; mostBehind: ImprovementEntry[] } {
  const entries = units.map((u): ImprovementEntry => ({ ...u, change: u.points - u.previousPoints }));
  const byName = (a: ImprovementEntry, b: ImprovementEntry) => a.unit.localeCompare(b.unit, 'zh-CN');
  return {
    mostImproved: entries
      .filter((e) => e.change > 0)
      .sort((a, b) => b.change - a.change || byName(a, b))
      .slice(0, limit),
    mostBehind: entries
      .filter((e) => e.change < 0)
      .sort((a, b) => a.change - b.change || byName(a, b))
      .slice(0, limit),
  };
}

/** What a series' paragraph is drafted from. */
export interface SeriesAnalysisInput {
  name: string;
  half: SummaryHalf;
  /** The period's target of one unit (半年 / 年度指标). */
  target: number;
  units: readonly {
    unit: string;
    points: number;
    met: boolean;
    /** Quarters of the period met; null where the series has no quarterly target. */
    quartersMet: number | null;
  }[];
  points: number;
  previousPoints: number;
}

const LISTED_NAMES = 5;

/** Names joined with 、, the first few and "等 N 个单位" past them. */
function nameList(names: readonly string[]): string {
  if (names.length <= LISTED_NAMES) return `${names.join('、')}${names.length > 1 ? `共 ${names.length} 个单位` : ''}`;
  return `${names.slice(0, LISTED_NAMES).join('、')}等 ${names.length} 个单位`;
}

/**
 * The drafted analysis of one series, from its figures alone: how many units met the period's
 * target (and every quarter of it), the series' points against last year's same period, the
 * leading units and those that missed. The editor edits it before the summary is approved.
 */
export function seriesAnalysis(input: SeriesAnalysisInput): string {
  const { units, half } = input;
  const targetName = half === 1 ? '半年指标' : '年度指标';
  if (units.length === 0) return `${periodWord(half)}${input.name}没有考核单位。`;
  const met = units.filter((u) => u.met);
  const parts: string[] = [];
  parts.push(
    `${periodWord(half)}${input.name} ${units.length} 个单位中 ${met.length} 个达到${targetName}（${input.target} 分）`
  );
  if (units.every((u) => u.quartersMet !== null)) {
    const quarters = half === 1 ? 2 : 4;
    const allQuarters = units.filter((u) => u.quartersMet === quarters).length;
    parts[0] += `，${half === 1 ? '两个季度' : '四个季度'}均达标的 ${allQuarters} 个`;
  }
  const average = Math.round((input.points / units.length) * 10) / 10;
  parts.push(
    `序列合计得分 ${input.points} 分、平均每个单位 ${average} 分，${changeWords(input.points, input.previousPoints)}`
  );
  const leaders = [...units]
    .filter((u) => u.points > 0)
    .sort((a, b) => b.points - a.points || a.unit.localeCompare(b.unit, 'zh-CN'))
    .slice(0, 3);
  if (leaders.length > 0) parts.push(`得分居前的是${leaders.map((u) => `${u.unit}（${u.points} 分）`).join('、')}`);
  const missed = units
    .filter((u) => !u.met)
    .sort((a, b) => a.points - b.points || a.unit.localeCompare(b.unit, 'zh-CN'))
    .map((u) => u.unit);
  const closing =
    missed.length === 0
      ? `全部单位均达到${targetName}。`
      : `${nameList(missed)}未达到${targetName}，须进一步加强信息报送工作。`;
  return `${parts.join('；')}。${closing}`;
}

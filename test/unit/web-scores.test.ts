import { describe, expect, it } from 'vitest';
import {
  commendCandidates,
  criticised,
  daysLeftInQuarter,
  earlyWarnings,
  gapLabel,
  listQuarter,
  outletChart,
  periodFigure,
  quarterChart,
  replaceOfficer,
  categoryAxisLabel,
  rankTitle,
  ruleGroup,
  seriesRows,
  yearOptions,
} from '../../web/src/pages/scores/overview/service';
import type { ScoresDocument, UnitAssessment } from '../../web/src/pages/scores/overview/types';
import { bookingsOf, signedPoints } from '../../web/src/pages/scores/unit/service';
import {
  chinaDateTime,
  chineseDate,
  defaultQuarter,
  periodTitle,
  quarterNotStarted,
} from '../../web/src/pages/scores/results/service';
import type { Policy } from '../../web/src/lib/policy';

/** A unit of a series with quarterly target 18 (annual 72), or 直报点 (annual 12 only) when target is null. */
function unit(
  name: string,
  points: number[],
  options: { series?: string; target?: number | null; rank?: number; streaks?: number[] } = {}
): UnitAssessment {
  const target = options.target === undefined ? 18 : options.target;
  const annualTarget = target === null ? 12 : target * 4;
  const total = points.reduce((a, b) => a + b, 0);
  const quarters = points.map((p, i) => ({
    quarter: i + 1,
    points: p,
    target,
    met: target === null ? null : p >= target,
    failed_streak: target === null ? null : (options.streaks?.[i] ?? (p >= target ? 0 : 1)),
  }));
  return {
    unit: name,
    series: options.series ?? 'town',
    quarters,
    annual: { points: total, target: annualTarget, met: total >= annualTarget },
    rank: options.rank ?? 1,
    all_quarters_met: target === null ? total >= annualTarget : quarters.every((q) => q.met),
  };
}

const doc = (year: number, units: UnitAssessment[]): ScoresDocument => ({ year, policy: 'panyu-2010', units });

describe('early warning (预警): units that may miss this quarter while it can still be met', () => {
  const units = [
    unit('沙湾镇', [20, 0, 0, 13]),
    unit('石基镇', [20, 0, 0, 18]),
    unit('大石街', [20, 0, 0, 0]),
    unit('区气象局', [0, 0, 0, 2], { series: 'direct', target: null }),
    unit('区发改局', [0, 0, 0, 25], { series: 'dept_a' }),
  ];

  it('lists this quarter’s units below target with points so far, target, still needed and days left, most needed first', () => {
    expect(earlyWarnings(doc(2026, units), '2026-11-28')).toEqual([
      { unit: '大石街', series: 'town', points: 0, target: 18, needed: 18, daysLeft: 34, quarter: 4 },
      { unit: '沙湾镇', series: 'town', points: 13, target: 18, needed: 5, daysLeft: 34, quarter: 4 },
    ]);
  });

  it('leaves out units that met the target and series assessed only by year', () => {
    const names = earlyWarnings(doc(2026, units), '2026-11-28').map((w) => w.unit);
    expect(names).not.toContain('石基镇');
    expect(names).not.toContain('区气象局');
    expect(names).not.toContain('区发改局');
  });

  it('warns about no other year, whose quarters are over', () => {
    expect(earlyWarnings(doc(2025, units), '2026-11-28')).toEqual([]);
    expect(earlyWarnings(undefined, '2026-11-28')).toEqual([]);
  });

  it('judges by the quarter today falls in, up to its last day', () => {
    expect(earlyWarnings(doc(2026, [unit('沙湾镇', [5, 30, 0, 0])]), '2026-03-31')).toEqual([
      { unit: '沙湾镇', series: 'town', points: 5, target: 18, needed: 13, daysLeft: 1, quarter: 1 },
    ]);
    expect(earlyWarnings(doc(2026, [unit('沙湾镇', [5, 30, 0, 0])]), '2026-04-01')).toEqual([]);
  });

  it('counts the days left in the quarter with today included', () => {
    expect(daysLeftInQuarter('2026-12-31')).toBe(1);
    expect(daysLeftInQuarter('2026-10-01')).toBe(92);
    expect(daysLeftInQuarter('2024-01-01')).toBe(91);
    expect(daysLeftInQuarter('2026-02-28')).toBe(32);
  });
});

describe('score tables and lists from the server’s assessment', () => {
  it('shows the gap to target as 还差 / 超出, and no gap where there is no quarterly target', () => {
    expect(gapLabel({ points: 13, target: 18, met: false })).toBe('还差 5 分');
    expect(gapLabel({ points: 21, target: 18, met: true })).toBe('超出 3 分');
    expect(gapLabel({ points: 18, target: 18, met: true })).toBe('恰好达标');
    expect(gapLabel({ points: -5, target: 18, met: false })).toBe('还差 23 分');
    expect(gapLabel({ points: 4, target: null, met: null })).toBe('按年度考核');
  });

  it('takes a quarter’s or the year’s figure', () => {
    const u = unit('沙湾镇', [20, 10, 0, 0]);
    expect(periodFigure(u, 2)).toEqual({ points: 10, target: 18, met: false });
    expect(periodFigure(u, null)).toEqual({ points: 30, target: 72, met: false });
  });

  it('ranks a quarter’s table by that quarter’s points and the year’s by the year’s (ties share a rank: 1, 1, 3)', () => {
    const units = [
      unit('甲', [30, 0, 0, 0]),
      unit('乙', [0, 10, 0, 0]),
      unit('丙', [0, 10, 0, 0]),
      unit('丁', [5, 12, 0, 0]),
      unit('戊', [99, 99, 0, 0], { series: 'dept_a' }),
    ];
    const ranked = (quarter: number | null) => seriesRows(units, 'town', quarter).map((r) => `${r.unit.unit}${r.rank}`);
    expect(ranked(2)).toEqual(['丁1', '丙2', '乙2', '甲4']);
    expect(ranked(null)).toEqual(['甲1', '丁2', '丙3', '乙3']);
    expect(ranked(3)).toEqual(['丙1', '丁1', '甲1', '乙1']);
    expect(rankTitle(2)).toBe('季度排名');
    expect(rankTitle(null)).toBe('年度排名');
  });

  it('lists commendation candidates in rank order by series, the failed of a quarter, and streaks of four', () => {
    const units = [
      unit('石基镇', [20, 20, 20, 20], { rank: 2 }),
      unit('沙湾镇', [30, 30, 30, 30], { rank: 1 }),
      unit('区气象局', [3, 3, 3, 3], { series: 'direct', target: null, rank: 1 }),
      unit('区发改局', [18, 18, 18, 18], { series: 'dept_a', rank: 1 }),
      unit('大石街', [0, 0, 0, 0], { rank: 3, streaks: [5, 6, 7, 8] }),
      unit('钟村街', [0, 0, 0, 30], { rank: 4, streaks: [1, 2, 3, 0] }),
    ];
    const order = ['town', 'dept_a', 'dept_b', 'direct'];
    expect(commendCandidates(units, order).map((u) => u.unit)).toEqual(['沙湾镇', '石基镇', '区发改局', '区气象局']);
    expect(criticised(units, 3, order).map((u) => u.unit)).toEqual(['大石街', '钟村街']);
    expect(criticised(units, 4, order).map((u) => u.unit)).toEqual(['大石街']);
    expect(replaceOfficer(units, 4, order).map((u) => u.unit)).toEqual(['大石街']);
    expect(replaceOfficer(units, 3, order).map((u) => u.unit)).toEqual(['大石街']);
  });

  it('speaks of the chosen quarter, or of this quarter (this year) or the fourth (past years) for a whole year', () => {
    expect(listQuarter(2026, 2, '2026-11-28')).toBe(2);
    expect(listQuarter(2026, null, '2026-11-28')).toBe(4);
    expect(listQuarter(2026, null, '2026-05-01')).toBe(2);
    expect(listQuarter(2025, null, '2026-05-01')).toBe(4);
  });

  it('offers the years from the earliest policy to this year, newest first', () => {
    expect(yearOptions(2024, 2026)).toEqual([2026, 2025, 2024]);
    expect(yearOptions(2030, 2026)).toEqual([2026]);
  });
});

describe('charts', () => {
  const policy = {
    outlets: {
      portal: { name: '区政府门户网站' },
      dynamic: { name: '《番府信息》' },
      report: { name: '《番府信息上报》' },
    },
  } as unknown as Policy;
  const series = [
    { code: 'town', name: '镇(街)序列' },
    { code: 'dept_a', name: '工作部门序列A类' },
  ];

  it('groups booking rules by outlet name from the policy, and the other rules in groups', () => {
    expect(ruleGroup('adoption:report:research', policy)).toBe('《番府信息上报》');
    expect(ruleGroup('adoption:portal', policy)).toBe('区政府门户网站');
    expect(ruleGroup('district_instruction', policy)).toBe('区领导批示');
    expect(ruleGroup('upward:city:instruction', policy)).toBe('上报省市加分');
    expect(ruleGroup('penalty:criticism', policy)).toBe('扣分');
    expect(ruleGroup('solicitation_missed', policy)).toBe('扣分');
  });

  it('sums points by outlet per series, outlets in the policy’s order, for a quarter or the year', () => {
    const rows = [
      { series: 'town', quarter: 1, rule: 'district_instruction', description: '', points: 5, bookings: 1 },
      { series: 'town', quarter: 1, rule: 'adoption:report:research', description: '', points: 8, bookings: 1 },
      { series: 'town', quarter: 2, rule: 'adoption:report:brief', description: '', points: 4, bookings: 2 },
      { series: 'dept_a', quarter: 2, rule: 'adoption:portal', description: '', points: 2, bookings: 1 },
    ];
    expect(outletChart({ year: 2026, rows }, policy, series, null)).toEqual({
      categories: ['区政府门户网站', '《番府信息上报》', '区领导批示'],
      series: [
        { name: '镇(街)序列', type: 'bar', stack: 'points', data: [0, 12, 5] },
        { name: '工作部门序列A类', type: 'bar', stack: 'points', data: [2, 0, 0] },
      ],
    });
    expect(outletChart({ year: 2026, rows }, policy, series, 1).categories).toEqual(['《番府信息上报》', '区领导批示']);
  });

  it('charts points by quarter as series totals, or one unit against its quarterly target', () => {
    const units = [
      unit('沙湾镇', [13, 0, 2, 0]),
      unit('石基镇', [5, 1, 0, 0]),
      unit('区发改局', [8, 0, 0, 0], { series: 'dept_a' }),
    ];
    expect(quarterChart(units, series).series).toEqual([
      { name: '镇(街)序列', type: 'bar', data: [18, 1, 2, 0] },
      { name: '工作部门序列A类', type: 'bar', data: [8, 0, 0, 0] },
    ]);
    expect(quarterChart(units, series, '沙湾镇').series).toEqual([
      { name: '沙湾镇得分', type: 'bar', data: [13, 0, 2, 0] },
      { name: '季度指标', type: 'line', data: [18, 18, 18, 18] },
    ]);
    expect(quarterChart([unit('区气象局', [1, 0, 0, 0], { target: null })], series, '区气象局').series).toHaveLength(1);
  });
});

describe('unit bookings and results', () => {
  it('filters bookings by quarter and signs points', () => {
    const booking = (quarter: number, points: number) => ({
      date: '2026-03-05',
      quarter,
      points,
      rule: 'x',
      description: '',
      record: { type: 'adoption', id: 'A' },
      item: null,
      itemId: null,
      itemTitle: null,
      policy: 'p',
    });
    expect(bookingsOf([booking(1, 8), booking(2, 5)], 2).map((b) => b.points)).toEqual([5]);
    expect(bookingsOf([booking(1, 8), booking(2, 5)], null)).toHaveLength(2);
    expect([signedPoints(8), signedPoints(-5), signedPoints(0)]).toEqual(['+8', '−5', '0']);
  });

  it('refuses quarters that have not started, and proposes the quarter just ended early in a quarter', () => {
    expect(quarterNotStarted(2026, 4, '2026-11-28')).toBeUndefined();
    expect(quarterNotStarted(2026, 1, '2026-03-01')).toBeUndefined();
    expect(quarterNotStarted(2026, 2, '2026-03-31')).toBe('该季度尚未开始，不能编制考核结果');
    expect(quarterNotStarted(2027, 1, '2026-11-28')).toBeDefined();
    expect(defaultQuarter('2026-11-28', [])).toEqual({ year: 2026, quarter: 4 });
    expect(defaultQuarter('2026-10-08', [])).toEqual({ year: 2026, quarter: 3 });
    expect(defaultQuarter('2026-10-08', [{ year: 2026, quarter: 3 }])).toEqual({ year: 2026, quarter: 4 });
    expect(defaultQuarter('2027-01-05', [])).toEqual({ year: 2026, quarter: 4 });
  });

  it('names periods and shows stored times in China time', () => {
    expect(periodTitle(2026, 1)).toBe('2026 年第一季度');
    expect(chinaDateTime('2026-03-31T17:30:00.000Z')).toBe('2026-04-01 01:30');
    expect(chinaDateTime(null)).toBe('—');
  });
});

describe('统计截至 as a notice writes it', () => {
  it('writes the quarter’s last day without leading zeros', () => {
    expect(chineseDate('2026-09-30')).toBe('2026年9月30日');
    expect(chineseDate('2027-03-01')).toBe('2027年3月1日');
  });
});

describe('the chart’s category labels never overlap', () => {
  it('wraps each label within its share of the axis while three characters fit', () => {
    expect(categoryAxisLabel(656, 6)).toEqual({ interval: 0, width: 92, overflow: 'break', rotate: 0 });
    const label = categoryAxisLabel(330, 6);
    expect(label.rotate).toBe(0);
    expect(label.width * 6).toBeLessThan(330 - 56);
  });
  it('stands labels upright when the share is narrower', () => {
    expect(categoryAxisLabel(300, 8)).toMatchObject({ rotate: 90, overflow: 'truncate' });
  });
});

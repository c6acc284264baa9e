import { describe, expect, it } from 'vitest';
import type { UnitAssessment } from '../../src/domain/assessment.js';
import { buildSummaryFigures, overviewParagraph, type SummaryInput } from '../../src/domain/summary-figures.js';
import { readSeedPolicy } from '../../src/services/seed-defaults.js';

const policy = readSeedPolicy();

function unit(
  name: string,
  series: string,
  points: number[],
  quarterly: number | null,
  annual: number
): UnitAssessment {
  const total = points.reduce((a, b) => a + b, 0);
  const met = points.map((p) => (quarterly === null ? null : p >= quarterly));
  return {
    unit: name,
    series,
    quarters: points.map((p, i) => ({
      quarter: i + 1,
      points: p,
      target: quarterly,
      met: met[i],
      failed_streak: quarterly === null ? null : 0,
    })),
    annual: { points: total, target: annual, met: total >= annual },
    rank: 1,
    all_quarters_met: quarterly === null ? total >= annual : met.every(Boolean),
  };
}

const series = [
  { code: 'town', name: '镇(街)序列' },
  { code: 'direct', name: '直报点序列' },
];

const input = (half: 1 | null): SummaryInput => ({
  year: 2011,
  half,
  district: '番禺区',
  series,
  policy,
  current: [
    unit('沙湾镇', 'town', [20, 20, 20, 20], 18, 72),
    unit('石基镇', 'town', [10, 30, 0, 0], 18, 72),
    unit('区妇联', 'direct', [4, 3, 3, 3], null, 12),
  ],
  previous: [unit('沙湾镇', 'town', [10, 10, 10, 10], 18, 72), unit('石基镇', 'town', [20, 20, 20, 20], 18, 72)],
  ruleTotals: [
    { series: 'town', quarter: 1, rule: 'adoption:report:research', points: 16, bookings: 2 },
    { series: 'town', quarter: 3, rule: 'adoption:portal', points: 4, bookings: 2 },
    { series: 'direct', quarter: 2, rule: 'adoption:portal', points: 2, bookings: 1 },
    { series: 'town', quarter: 2, rule: 'district_instruction', points: 5, bookings: 1 },
  ],
  contacts: new Map([['沙湾镇', { directors: ['陈主任'], officers: ['李信息员', '王信息员'] }]]),
});

describe('buildSummaryFigures', () => {
  it('sums the half-year against two quarterly targets, and 直报点 against half its annual target', () => {
    const figures = buildSummaryFigures(input(1));
    expect(figures.title).toBe('番禺区2011年上半年政务信息工作小结');
    expect(figures.units.map((u) => [u.unit, u.points, u.target, u.met, u.quartersMet, u.change])).toEqual([
      ['沙湾镇', 40, 36, true, 2, 20],
      ['石基镇', 40, 36, true, 1, 0],
      ['区妇联', 7, 6, true, null, 7],
    ]);
    expect(figures.series.map((s) => [s.code, s.points, s.previousPoints, s.changeRate])).toEqual([
      ['town', 80, 60, 33.3],
      ['direct', 7, 0, null],
    ]);
    // Only the period's quarters: the portal adoption of Q3 is not counted.
    expect(figures.outlets.map((o) => [o.group, o.count, o.points])).toEqual([
      ['区政府门户网站政务公开栏目', 1, 2],
      ['《番府信息上报》', 2, 16],
      ['区领导批示', 1, 5],
    ]);
    expect(figures.instructions).toBe(1);
    expect(figures.commended).toBeNull();
    expect(figures.charts.byQuarter.categories).toEqual(['第一季度', '第二季度']);
    expect(figures.charts.trend.series).toEqual([
      { name: '2010年', type: 'line', data: [30, 30] },
      { name: '2011年', type: 'line', data: [34, 53] },
    ]);
    expect(figures.mostImproved.map((u) => u.unit)).toEqual(['沙湾镇', '区妇联']);
    expect(overviewParagraph(figures)).toContain('全区 3 个报送单位合计得分 87 分，较去年同期（60 分）增长 45%');
  });

  it('lists 通报表扬 in the annual summary with the registered 直接责任人 and 信息员', () => {
    const figures = buildSummaryFigures(input(null));
    expect(figures.title).toBe('番禺区2011年政务信息工作总结');
    expect(figures.commended).toEqual([
      {
        unit: '沙湾镇',
        series: 'town',
        seriesName: '镇(街)序列',
        points: 80,
        rank: 1,
        directors: ['陈主任'],
        officers: ['李信息员', '王信息员'],
      },
      { unit: '区妇联', series: 'direct', seriesName: '直报点序列', points: 13, rank: 1, directors: [], officers: [] },
    ]);
    expect(figures.units.find((u) => u.unit === '石基镇')).toMatchObject({ points: 40, target: 72, met: false });
    expect(figures.mostBehind.map((u) => [u.unit, u.change])).toEqual([['石基镇', -40]]);
  });
});

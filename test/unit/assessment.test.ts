import { describe, expect, it } from 'vitest';
import { assessYear, type AssessedUnit } from '../../src/domain/assessment.js';
import { periodIndex } from '../../src/domain/dates.js';
import { PANYU_2010, buildPolicy } from '../factories/policy.factory.js';

const units: AssessedUnit[] = [
  { id: 1, name: '沙湾镇', series: 'town' },
  { id: 2, name: '石基镇', series: 'town' },
  { id: 3, name: '新造镇', series: 'town' },
  { id: 4, name: '区审计局', series: 'dept_b' },
  { id: 5, name: '区妇联', series: 'direct' },
];

/** Totals from `{ unitId: { 'YYYY-Q': points } }`. */
function totals(spec: Record<number, Record<string, number>>): Map<number, Map<number, number>> {
  return new Map(
    Object.entries(spec).map(([unit, quarters]) => [
      Number(unit),
      new Map(
        Object.entries(quarters).map(([key, points]) => {
          const [year, quarter] = key.split('-').map(Number);
          return [periodIndex(year, quarter), points];
        })
      ),
    ])
  );
}

const assess = (
  year: number,
  spec: Record<number, Record<string, number>>,
  earliestBookingYear: number | null = year
) => assessYear({ year, units, totals: totals(spec), policies: [PANYU_2010], earliestBookingYear });
const unit = (result: ReturnType<typeof assess>, name: string) => result.find((u) => u.unit === name)!;

describe('assessYear', () => {
  it('compares each quarter and the year with the series targets', () => {
    const result = assess(2012, { 1: { '2012-1': 21, '2012-2': 9, '2012-3': 20, '2012-4': -5 } });
    expect(unit(result, '沙湾镇')).toMatchObject({
      quarters: [
        { quarter: 1, points: 21, target: 18, met: true, failed_streak: 0 },
        { quarter: 2, points: 9, target: 18, met: false, failed_streak: 1 },
        { quarter: 3, points: 20, target: 18, met: true, failed_streak: 0 },
        { quarter: 4, points: -5, target: 18, met: false, failed_streak: 1 },
      ],
      annual: { points: 45, target: 72, met: false },
      all_quarters_met: false,
    });
  });

  it('meets a target exactly at the target (≥)', () => {
    const result = assess(2012, { 4: { '2012-1': 12, '2012-2': 12, '2012-3': 12, '2012-4': 12 } });
    expect(unit(result, '区审计局')).toMatchObject({
      annual: { points: 48, target: 48, met: true },
      all_quarters_met: true,
    });
  });

  it('直报点 has no quarterly target: quarters are null, all_quarters_met follows the year', () => {
    const result = assess(2012, { 5: { '2012-2': 12 } });
    expect(unit(result, '区妇联').quarters[1]).toEqual({
      quarter: 2,
      points: 12,
      target: null,
      met: null,
      failed_streak: null,
    });
    expect(unit(result, '区妇联')).toMatchObject({
      annual: { points: 12, target: 12, met: true },
      all_quarters_met: true,
    });
  });

  it('ranks within the series by annual points; ties share a rank and the next is skipped', () => {
    const result = assess(2012, { 1: { '2012-1': 30 }, 2: { '2012-2': 30 }, 3: { '2012-3': 10 }, 4: { '2012-1': 1 } });
    expect([unit(result, '沙湾镇').rank, unit(result, '石基镇').rank, unit(result, '新造镇').rank]).toEqual([1, 1, 3]);
    expect(unit(result, '区审计局').rank).toBe(1);
  });

  it('counts a failed streak back across years', () => {
    const result = assess(
      2012,
      { 1: { '2011-1': 20, '2011-2': 20, '2011-3': 5, '2011-4': 5, '2012-1': 0, '2012-2': 30 } },
      2011
    );
    expect(unit(result, '沙湾镇').quarters.map((q) => q.failed_streak)).toEqual([3, 0, 1, 2]);
  });

  it('does not count back before Q1 of the earliest year with any booking', () => {
    expect(unit(assess(2012, {}, 2012), '沙湾镇').quarters.map((q) => q.failed_streak)).toEqual([1, 2, 3, 4]);
    expect(unit(assess(2012, {}, 2010), '沙湾镇').quarters.map((q) => q.failed_streak)).toEqual([9, 10, 11, 12]);
    expect(unit(assess(2012, {}, null), '沙湾镇').quarters[0].failed_streak).toBe(1);
  });

  it('counts from Q1 of the asked year when it is earlier than any booking', () => {
    expect(unit(assess(2009, {}, 2012), '沙湾镇').quarters.map((q) => q.failed_streak)).toEqual([1, 2, 3, 4]);
  });

  it('assesses Q2 2010, only partly under the policy, with the full target', () => {
    const result = assess(2010, { 1: { '2010-2': 17 } });
    expect(unit(result, '沙湾镇').quarters[1]).toMatchObject({ points: 17, target: 18, met: false });
  });

  it('takes each quarter target from the policy in force at its end', () => {
    const later = buildPolicy({ name: 'later', effectiveFrom: '2012-07-01' });
    later.series.town = { name: '镇(街)序列', quarterly: 20, annual: 80 };
    const result = assessYear({
      year: 2012,
      units,
      totals: totals({}),
      policies: [PANYU_2010, later],
      earliestBookingYear: 2012,
    });
    expect(unit(result, '沙湾镇').quarters.map((q) => q.target)).toEqual([18, 18, 20, 20]);
    expect(unit(result, '沙湾镇').annual.target).toBe(80);
  });
});

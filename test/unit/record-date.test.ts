import { describe, expect, it } from 'vitest';
import { recordDateProblem } from '../../src/domain/record-date.js';

describe('recordDateProblem: the one record-date rule', () => {
  const limits = { earliestPolicyDate: '2010-04-07', today: '2026-03-20' };

  it('accepts the first day of the earliest policy and today itself', () => {
    expect(recordDateProblem('2010-04-07', limits)).toBeUndefined();
    expect(recordDateProblem('2026-03-20', limits)).toBeUndefined();
  });

  it('refuses the day before the earliest policy and the day after today', () => {
    expect(recordDateProblem('2010-04-06', limits)).toBe('before_policy');
    expect(recordDateProblem('2026-03-21', limits)).toBe('after_today');
  });

  it('refuses what is not a calendar date before any limit', () => {
    for (const value of ['', '2011-02-30', '2011-2-3', '2026/03/20', '1899-12-31', 20260320, null, undefined]) {
      expect(recordDateProblem(value, limits), String(value)).toBe('not_a_date');
    }
    expect(recordDateProblem('2012-02-29', limits)).toBeUndefined();
  });

  it('checks only the limits it is given', () => {
    expect(recordDateProblem('2009-01-01', { today: '2026-03-20' })).toBeUndefined();
    expect(recordDateProblem('2099-01-01', { earliestPolicyDate: '2010-04-07' })).toBeUndefined();
    expect(recordDateProblem('2099-01-01', {})).toBeUndefined();
  });
});

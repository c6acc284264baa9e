import { describe, expect, it } from 'vitest';
import {
  assessmentNotices,
  DEFAULT_FAILED_STREAK_NOTICE,
  failedStreakNoticeFor,
} from '../../src/domain/assessment-notices.js';
import { parsePolicy } from '../../src/domain/policy.js';
import { PANYU_2010, buildPolicy } from '../factories/policy.factory.js';

const unit = (name: string, all_quarters_met: boolean, quarters: [boolean | null, number | null][]) => ({
  name,
  all_quarters_met,
  quarters: quarters.map(([met, failed_streak]) => ({ met, failed_streak })),
});

describe('the lists a quarter’s assessment acts on', () => {
  const units = [
    unit('沙湾镇', true, [
      [true, 0],
      [true, 0],
      [true, 0],
      [true, 0],
    ]),
    unit('大石街', false, [
      [false, 3],
      [false, 4],
      [false, 5],
      [false, 6],
    ]),
    unit('钟村街', false, [
      [true, 0],
      [true, 0],
      [false, 1],
      [true, 0],
    ]),
    unit('区妇联', false, [
      [null, null],
      [null, null],
      [null, null],
      [null, null],
    ]),
  ];

  it('commends units that met every quarter, criticises a failed quarter, and names a failed run of the threshold', () => {
    const names = (list: { name: string }[]) => list.map((u) => u.name);
    const q3 = assessmentNotices(units, 3, 4);
    expect(names(q3.commended)).toEqual(['沙湾镇']);
    expect(names(q3.criticised)).toEqual(['大石街', '钟村街']);
    expect(names(q3.failedStreak)).toEqual(['大石街']);
    // The run must reach the threshold: three failed quarters are not four.
    expect(names(assessmentNotices(units, 1, 4).failedStreak)).toEqual([]);
    expect(names(assessmentNotices(units, 1, 3).failedStreak)).toEqual(['大石街']);
    expect(names(assessmentNotices(units, 2, 4).failedStreak)).toEqual(['大石街']);
    // A series assessed only by year is never criticised for a quarter.
    expect(names(assessmentNotices(units, 4, 4).criticised)).toEqual(['大石街']);
  });

  it('takes the threshold from the policy assessing the year, four when a policy or the list says nothing', () => {
    expect(DEFAULT_FAILED_STREAK_NOTICE).toBe(4);
    expect(failedStreakNoticeFor(undefined, 2011)).toBe(4);
    expect(failedStreakNoticeFor([], 2011)).toBe(4);
    const { failedStreakNotice: _omitted, ...older } = PANYU_2010;
    expect(failedStreakNoticeFor([older], 2011)).toBe(4);
    expect(
      failedStreakNoticeFor(
        [older, buildPolicy({ name: 'later', effectiveFrom: '2015-01-01', failedStreakNotice: 3 })],
        2014
      )
    ).toBe(4);
    expect(
      failedStreakNoticeFor(
        [older, buildPolicy({ name: 'later', effectiveFrom: '2015-01-01', failedStreakNotice: 3 })],
        2015
      )
    ).toBe(3);
  });

  it('keeps older policy records valid and refuses a threshold that is not a positive integer', () => {
    const { failedStreakNotice: _omitted, ...older } = PANYU_2010;
    expect(parsePolicy(older)).toHaveProperty('policy');
    expect(parsePolicy({ ...PANYU_2010, failedStreakNotice: 4 })).toHaveProperty('policy');
    expect(parsePolicy({ ...PANYU_2010, failedStreakNotice: 0 })).toEqual({
      problems: ['failedStreakNotice 应为正整数'],
    });
  });
});

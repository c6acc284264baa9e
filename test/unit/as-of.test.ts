import { describe, expect, it } from 'vitest';
import { asOfBounds, countsAsOf, MISSED_DEADLINE_RULE } from '../../src/domain/as-of.js';

describe('the as-of rule', () => {
  const asOf = '2011-06-30';
  it.each([
    ['2011-06-29', 'adoption:portal', true],
    ['2011-06-30', 'adoption:portal', true],
    ['2011-07-01', 'adoption:portal', false],
    ['2011-06-29', 'penalty:criticism', true],
    ['2011-06-30', 'penalty:criticism', true],
    ['2011-06-29', MISSED_DEADLINE_RULE, true],
    // A deadline is missed only once its day is over.
    ['2011-06-30', MISSED_DEADLINE_RULE, false],
    ['2011-07-01', MISSED_DEADLINE_RULE, false],
  ])('a booking dated %s under %s counts as of 2011-06-30: %s', (date, rule, counts) => {
    expect(countsAsOf({ date, rule }, asOf)).toBe(counts);
  });

  it('gives the repository the bounds it applies: up to the day, the deadline rule strictly before it', () => {
    expect(asOfBounds(asOf)).toEqual({ lastDate: asOf, deadlineRule: 'solicitation_missed', deadlineRuleBefore: asOf });
  });
});

import { describe, expect, it } from 'vitest';
import {
  addDays,
  isIsoDate,
  periodIndex,
  periodOf,
  quarterEnd,
  quarterOf,
  todayInChina,
} from '../../src/domain/dates.js';

describe('dates', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(['2012-02-29', '2011-12-31', '2010-04-07'].every(isIsoDate)).toBe(true);
    expect(['2011-02-29', '2011-13-01', '2011-1-5', '20110105', '2011-04-31', '', null, 20110105].some(isIsoDate)).toBe(
      false
    );
  });

  it('places dates in calendar quarters', () => {
    expect(['2011-01-01', '2011-03-31', '2011-04-01', '2011-12-31'].map(quarterOf)).toEqual([1, 1, 2, 4]);
    expect(periodOf('2012-01-01') - periodOf('2011-12-31')).toBe(1);
    expect(periodIndex(2012, 1)).toBe(periodOf('2012-02-15'));
    expect([quarterEnd(2012, 1), quarterEnd(2012, 2), quarterEnd(2011, 4)]).toEqual([
      '2012-03-31',
      '2012-06-30',
      '2011-12-31',
    ]);
  });

  it('adds days across months and years', () => {
    expect(addDays('2011-12-30', 3)).toBe('2012-01-02');
    expect(addDays('2012-03-01', -1)).toBe('2012-02-29');
  });

  it('takes today in China Standard Time (UTC+8)', () => {
    expect(todayInChina(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-28');
    expect(todayInChina(new Date('2026-11-27T15:59:00Z'))).toBe('2026-11-27');
  });
});

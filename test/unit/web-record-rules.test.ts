import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { todayInChina } from '../../src/domain/dates.js';
import { allowedOutlets } from '../../web/src/lib/adoption';
import { notInFuture } from '../../web/src/lib/record-date';
import { adoptionOutlets } from '../../web/src/pages/items/detail/components/editorial-service';
import { PANYU_2010, buildPolicy } from '../factories/policy.factory.js';

describe("the pages apply the domain's record rules", () => {
  it('disable future days in date pickers, not today', () => {
    const today = dayjs(todayInChina());
    expect(notInFuture(today)).toBe(false);
    expect(notInFuture(today.subtract(1, 'day'))).toBe(false);
    expect(notInFuture(today.add(1, 'day'))).toBe(true);
  });

  it('offer a non-public item no outlet the policy marks public-only, a new one included', () => {
    const later = buildPolicy({
      outlets: {
        ...PANYU_2010.outlets,
        wechat: {
          name: '番禺发布政务微信',
          points: 3,
          instructionBonus: false,
          upwardEligible: false,
          publicOnly: true,
        },
      },
    });
    expect(allowedOutlets(later, true)).toEqual(['portal', 'dynamic', 'report', 'wechat']);
    expect(allowedOutlets(later, false)).toEqual(['dynamic', 'report']);
    expect(adoptionOutlets(later, false).map((o) => o.value)).toEqual(['dynamic', 'report']);
    expect(allowedOutlets(undefined, false)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  computeItemBookings,
  computePenaltyBookings,
  computeSolicitationBookings,
  countsAsOf,
  recordTypeOfRule,
  type Booking,
} from '../../src/domain/bookings.js';
import { quarterOf } from '../../src/domain/dates.js';
import { adoption, buildItemFacts, instruction, upward } from '../factories/item-facts.factory.js';
import { PANYU_2010, buildPolicy } from '../factories/policy.factory.js';

const policies = [PANYU_2010];
const summary = (bookings: Booking[]) => bookings.map((b) => [b.date, b.points, b.rule]);
const total = (bookings: Booking[]) => bookings.reduce((sum, b) => sum + b.points, 0);
const byQuarter = (bookings: Booking[]) => {
  const sums: Record<string, number> = {};
  for (const b of bookings)
    sums[`${b.date.slice(0, 4)}Q${quarterOf(b.date)}`] =
      (sums[`${b.date.slice(0, 4)}Q${quarterOf(b.date)}`] ?? 0) + b.points;
  return sums;
};

describe('adoption points (记分办法 1–3)', () => {
  it.each([
    ['portal', null, 2, 'adoption:portal'],
    ['dynamic', null, 3, 'adoption:dynamic'],
    ['report', 'research', 8, 'adoption:report:research'],
    ['report', 'headline', 5, 'adoption:report:headline'],
    ['report', 'brief', 2, 'adoption:report:brief'],
  ])('%s %s earns %i on the adoption date', (outlet, kind, points, rule) => {
    const bookings = computeItemBookings(
      buildItemFacts({ adoptions: [adoption(outlet, '2011-02-03', kind)] }),
      policies
    );
    expect(summary(bookings)).toEqual([['2011-02-03', points, rule]]);
    expect([bookings[0].recordType, bookings[0].recordRef]).toEqual(['adoption', `A-${outlet}-2011-02-03-${kind}`]);
  });

  it('counts an item once per outlet: the earliest adoption counts', () => {
    const item = buildItemFacts({ adoptions: [adoption('dynamic', '2011-03-10'), adoption('dynamic', '2011-02-01')] });
    expect(summary(computeItemBookings(item, policies))).toEqual([['2011-02-01', 3, 'adoption:dynamic']]);
  });

  it('on the same date the adoption worth more counts', () => {
    const item = buildItemFacts({
      adoptions: [adoption('report', '2011-02-01', 'brief'), adoption('report', '2011-02-01', 'research')],
    });
    expect(summary(computeItemBookings(item, policies))).toEqual([['2011-02-01', 8, 'adoption:report:research']]);
  });

  it('adds the outlets of one item: portal, dynamic and report each count', () => {
    const item = buildItemFacts({
      adoptions: [
        adoption('portal', '2011-01-06'),
        adoption('dynamic', '2011-01-07'),
        adoption('report', '2011-01-08', 'headline'),
      ],
    });
    expect(total(computeItemBookings(item, policies))).toBe(2 + 3 + 5);
  });

  it('a record before any policy earns nothing', () => {
    expect(computeItemBookings(buildItemFacts({ adoptions: [adoption('portal', '2010-04-06')] }), policies)).toEqual(
      []
    );
  });
});

describe('区领导批示 (+5 once per item)', () => {
  it('books +5 on the later of the instruction and the earliest dynamic/report adoption', () => {
    const item = buildItemFacts({
      adoptions: [adoption('report', '2011-03-05', 'research')],
      instructions: [instruction('district', '2011-02-20')],
    });
    expect(summary(computeItemBookings(item, policies))).toContainEqual(['2011-03-05', 5, 'district_instruction']);
  });

  it('several district instructions: +5 once, on the earliest instruction date', () => {
    const item = buildItemFacts({
      adoptions: [adoption('dynamic', '2011-01-06')],
      instructions: [instruction('district', '2011-05-02'), instruction('district', '2011-04-10')],
    });
    const bonus = computeItemBookings(item, policies).filter((b) => b.rule === 'district_instruction');
    expect(summary(bonus)).toEqual([['2011-04-10', 5, 'district_instruction']]);
  });

  it('uses the earliest of dynamic and report adoptions', () => {
    const item = buildItemFacts({
      adoptions: [adoption('report', '2011-06-01', 'brief'), adoption('dynamic', '2011-02-01')],
      instructions: [instruction('district', '2011-01-20')],
    });
    expect(summary(computeItemBookings(item, policies))).toContainEqual(['2011-02-01', 5, 'district_instruction']);
  });

  it('a district instruction on a portal-only item earns nothing', () => {
    const item = buildItemFacts({
      adoptions: [adoption('portal', '2011-01-06')],
      instructions: [instruction('district', '2011-01-10')],
    });
    expect(summary(computeItemBookings(item, policies))).toEqual([['2011-01-06', 2, 'adoption:portal']]);
  });

  it('a district instruction on an item never adopted earns nothing', () => {
    expect(
      computeItemBookings(buildItemFacts({ instructions: [instruction('district', '2011-01-10')] }), policies)
    ).toEqual([]);
  });
});

describe('upward bonus (按最高加分值给予加分)', () => {
  const reported = (kind = 'research', date = '2011-01-07') => adoption('report', date, kind);

  it('city adoption of a research item in March then a provincial instruction in May books 8 in Q1 and 12 in Q2', () => {
    const item = buildItemFacts({
      adoptions: [reported()],
      upwards: [upward('city', '2011-03-01')],
      instructions: [instruction('province', '2011-05-10')],
    });
    const upwardBookings = computeItemBookings(item, policies).filter((b) => b.rule.startsWith('upward'));
    expect(summary(upwardBookings)).toEqual([
      ['2011-03-01', 8, 'upward:city:adoption'],
      ['2011-05-10', 12, 'upward:province:instruction'],
    ]);
    expect(byQuarter(upwardBookings)).toEqual({ '2011Q1': 8, '2011Q2': 12 });
  });

  it('takes the highest value, not the sum: province adoption (10) then city research adoption (8) stays at 10', () => {
    const item = buildItemFacts({
      adoptions: [reported()],
      upwards: [upward('province', '2011-02-01'), upward('city', '2011-03-01')],
    });
    expect(total(computeItemBookings(item, policies).filter((b) => b.rule.startsWith('upward')))).toBe(10);
  });

  it('the city adoption kind defaults to the item report kind, and an explicit kind wins', () => {
    const byDefault = buildItemFacts({ adoptions: [reported('headline')], upwards: [upward('city', '2011-03-01')] });
    const explicit = buildItemFacts({
      adoptions: [reported('headline')],
      upwards: [upward('city', '2011-03-01', 'brief')],
    });
    expect(total(computeItemBookings(byDefault, policies)) - 5).toBe(5);
    expect(total(computeItemBookings(explicit, policies)) - 5).toBe(2);
  });

  it('ignores a kind on a province-level record', () => {
    const item = buildItemFacts({
      adoptions: [reported('brief')],
      upwards: [upward('province', '2011-03-01', 'brief')],
    });
    expect(summary(computeItemBookings(item, policies).filter((b) => b.rule.startsWith('upward')))).toEqual([
      ['2011-03-01', 10, 'upward:province:adoption'],
    ]);
  });

  it('city and provincial instructions need no adoption record at that level: 10 and 20', () => {
    const city = buildItemFacts({ adoptions: [reported()], instructions: [instruction('city', '2011-02-01')] });
    const province = buildItemFacts({ adoptions: [reported()], instructions: [instruction('province', '2011-02-01')] });
    expect(total(computeItemBookings(city, policies))).toBe(8 + 10);
    expect(total(computeItemBookings(province, policies))).toBe(8 + 20);
  });

  it('an upward event before the report adoption is booked on the report adoption date', () => {
    const item = buildItemFacts({
      adoptions: [reported('research', '2011-04-02')],
      upwards: [upward('city', '2011-03-20')],
    });
    expect(summary(computeItemBookings(item, policies))).toContainEqual(['2011-04-02', 8, 'upward:city:adoption']);
  });

  it('upward events of an item never adopted by 《番府信息上报》 earn nothing', () => {
    const item = buildItemFacts({
      adoptions: [adoption('dynamic', '2011-01-07')],
      upwards: [upward('province', '2011-03-01')],
      instructions: [instruction('province', '2011-04-01')],
    });
    expect(summary(computeItemBookings(item, policies))).toEqual([['2011-01-07', 3, 'adoption:dynamic']]);
  });

  it('runs over the item whole life, across years', () => {
    const item = buildItemFacts({
      adoptions: [reported('brief', '2011-11-20')],
      upwards: [upward('city', '2011-12-10'), upward('province', '2012-01-15')],
    });
    const upwardBookings = computeItemBookings(item, policies).filter((b) => b.rule.startsWith('upward'));
    expect(byQuarter(upwardBookings)).toEqual({ '2011Q4': 2, '2012Q1': 8 });
  });

  it('on one date the larger event carries the whole top-up', () => {
    const item = buildItemFacts({
      adoptions: [reported()],
      upwards: [upward('city', '2011-03-01')],
      instructions: [instruction('province', '2011-03-01')],
    });
    expect(summary(computeItemBookings(item, policies).filter((b) => b.rule.startsWith('upward')))).toEqual([
      ['2011-03-01', 20, 'upward:province:instruction'],
    ]);
  });
});

describe('solicitations (约稿)', () => {
  it('an on-time answer adopted by any outlet earns +2 once, on the earliest adoption date', () => {
    const item = buildItemFacts({
      submitted: '2011-03-01',
      adoptions: [adoption('dynamic', '2011-03-09'), adoption('portal', '2011-03-04')],
      responses: [
        { ref: 'R-1', deadline: '2011-03-01' },
        { ref: 'R-2', deadline: '2011-03-15' },
      ],
    });
    expect(
      computeItemBookings(item, policies)
        .filter((b) => b.rule === 'solicitation_answered')
        .map((b) => [b.date, b.points])
    ).toEqual([['2011-03-04', 2]]);
  });

  it('an answer submitted a day late earns no +2', () => {
    const item = buildItemFacts({
      submitted: '2011-03-02',
      adoptions: [adoption('portal', '2011-03-04')],
      responses: [{ ref: 'R-1', deadline: '2011-03-01' }],
    });
    expect(computeItemBookings(item, policies).some((b) => b.rule === 'solicitation_answered')).toBe(false);
  });

  it('an on-time answer never adopted earns nothing', () => {
    expect(
      computeItemBookings(
        buildItemFacts({ submitted: '2011-02-01', responses: [{ ref: 'R-1', deadline: '2011-03-01' }] }),
        policies
      )
    ).toEqual([]);
  });

  const solicitation = (answers: { unitId: number; submitted: string }[], targetUnitIds = [1, 2, 3]) => ({
    id: 9,
    ref: 'S-1',
    deadline: '2011-06-30',
    targetUnitIds,
    answers,
  });

  it('books −5 on the deadline for each targeted unit without an on-time answer', () => {
    const bookings = computeSolicitationBookings(solicitation([{ unitId: 1, submitted: '2011-06-30' }]), policies);
    expect(bookings.map((b) => [b.unitId, b.date, b.points, b.rule])).toEqual([
      [2, '2011-06-30', -5, 'solicitation_missed'],
      [3, '2011-06-30', -5, 'solicitation_missed'],
    ]);
  });

  it('a late answer does not count as sent: still −5 (and no +2 on the item)', () => {
    const bookings = computeSolicitationBookings(solicitation([{ unitId: 1, submitted: '2011-07-01' }], [1]), policies);
    expect(bookings.map((b) => b.points)).toEqual([-5]);
  });

  it('−5 once per solicitation and unit, however many late answers', () => {
    const bookings = computeSolicitationBookings(
      solicitation(
        [
          { unitId: 1, submitted: '2011-07-01' },
          { unitId: 1, submitted: '2011-07-03' },
        ],
        [1]
      ),
      policies
    );
    expect(bookings).toHaveLength(1);
  });

  it('counts a deadline penalty only once the deadline has passed (--as-of)', () => {
    const missed = { date: '2011-06-30', rule: 'solicitation_missed' };
    expect(countsAsOf(missed, '2011-06-30')).toBe(false);
    expect(countsAsOf(missed, '2011-07-01')).toBe(true);
    expect(countsAsOf({ date: '2011-06-30', rule: 'adoption:portal' }, '2011-06-30')).toBe(true);
  });
});

describe('manual deductions', () => {
  it.each([
    ['late_solicitation', -5],
    ['criticism', -10],
  ])('%s costs %i on its date', (reason, points) => {
    const bookings = computePenaltyBookings({ id: 1, ref: 'P-1', unitId: 4, reason, date: '2011-05-20' }, policies);
    expect(bookings.map((b) => [b.unitId, b.date, b.points, b.rule])).toEqual([
      [4, '2011-05-20', points, `penalty:${reason}`],
    ]);
  });
});

describe('policy as data: a booking is scored by the policy in force on its date', () => {
  const later = buildPolicy({ name: 'panyu-2015', effectiveFrom: '2015-01-01', districtInstruction: 6 });
  later.outlets.portal.points = 1;

  it('uses each policy for the bookings dated in its time', () => {
    const before = computeItemBookings(buildItemFacts({ adoptions: [adoption('portal', '2014-12-31')] }), [
      PANYU_2010,
      later,
    ]);
    const after = computeItemBookings(buildItemFacts({ adoptions: [adoption('portal', '2015-01-01')] }), [
      PANYU_2010,
      later,
    ]);
    expect(before.map((b) => [b.points, b.policy])).toEqual([[2, 'panyu-2010']]);
    expect(after.map((b) => [b.points, b.policy])).toEqual([[1, 'panyu-2015']]);
  });

  it('uses the later policy for an instruction booked after it takes effect', () => {
    const item = buildItemFacts({
      adoptions: [adoption('dynamic', '2014-12-20')],
      instructions: [instruction('district', '2015-01-05')],
    });
    expect(computeItemBookings(item, [PANYU_2010, later]).find((b) => b.rule === 'district_instruction')?.points).toBe(
      6
    );
  });
});

describe('recordTypeOfRule', () => {
  it('derives the stored record type of every rule the engine books', () => {
    const item = buildItemFacts({
      submitted: '2011-01-05',
      adoptions: [adoption('portal', '2011-01-06'), adoption('report', '2011-01-07', 'research')],
      instructions: [instruction('district', '2011-01-08'), instruction('province', '2011-03-01')],
      upwards: [upward('city', '2011-02-01')],
      responses: [{ ref: 'R-1', deadline: '2011-01-31' }],
    });
    const bookings = [
      ...computeItemBookings(item, policies),
      ...computeSolicitationBookings(
        { id: 1, ref: 'S-1', deadline: '2011-06-30', targetUnitIds: [1], answers: [] },
        policies
      ),
      ...computePenaltyBookings({ id: 1, ref: 'P-1', unitId: 1, reason: 'criticism', date: '2011-05-20' }, policies),
    ];
    expect(new Set(bookings.map((b) => b.rule.split(':')[0])).size).toBe(6);
    for (const b of bookings) expect(recordTypeOfRule(b.rule), b.rule).toBe(b.recordType);
  });
});

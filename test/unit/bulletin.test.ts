import { describe, expect, it } from 'vitest';
import type { UnitAssessment } from '../../src/domain/assessment.js';
import { adjustmentsSince, buildBulletin, type BulletinBooking } from '../../src/domain/bulletin.js';
import { followUpOpen } from '../../src/domain/follow-ups.js';

/** Consecutive failed quarters ending with quarter index `i`. */
const streakAt = (points: number[], target: number, i: number): number =>
  i < 0 || points[i] >= target ? 0 : 1 + streakAt(points, target, i - 1);

const unit = (name: string, series: string, points: number[], target: number | null): UnitAssessment => ({
  unit: name,
  series,
  quarters: points.map((p, i) => ({
    quarter: i + 1,
    points: p,
    target,
    met: target === null ? null : p >= target,
    failed_streak: target === null ? null : streakAt(points, target, i),
  })),
  annual: { points: points.reduce((a, b) => a + b, 0), target: 72, met: false },
  rank: 1,
  all_quarters_met: false,
});

const booking = (unitName: string, quarter: number, ref: string, rule: string, points: number) => ({
  unit: unitName,
  quarter,
  ref,
  rule,
  points,
  itemTitle: `${ref} 的标题`,
});

describe('buildBulletin', () => {
  const input = {
    year: 2011,
    quarter: 2,
    asOf: '2011-06-30',
    issuer: '办公室',
    issuedOn: '2011-07-05',
    textBefore: '',
    textAfter: '',
    units: [
      unit('甲镇', 'town', [20, 10, 0, 0], 18),
      unit('乙镇', 'town', [0, 10, 0, 0], 18),
      unit('丙镇', 'town', [5, 12, 0, 0], 18),
      unit('丁点', 'direct', [0, 3, 0, 0], null),
    ],
    series: [
      { code: 'town', name: '镇(街)序列', quarterlyTarget: 18, annualTarget: 72 },
      { code: 'direct', name: '直报点序列', quarterlyTarget: null, annualTarget: 12 },
    ],
    outlets: [
      { code: 'portal', name: '门户网站' },
      { code: 'dynamic', name: '政务动态' },
    ],
    submitted: new Map([['甲镇', 3]]),
    bookings: [
      booking('甲镇', 1, 'A-1', 'adoption:dynamic', 20),
      booking('甲镇', 2, 'A-2', 'adoption:dynamic', 3),
      booking('甲镇', 2, 'N-1', 'district_instruction', 5),
      booking('甲镇', 2, 'S-1', 'solicitation_missed', -5),
      booking('甲镇', 2, 'P-1', 'penalty:criticism', -10),
    ],
    contacts: new Map([['乙镇', { leaders: ['王'], officers: ['李'] }]]),
    failedStreakThreshold: 2,
    earlier: [],
  };

  it('ranks a series by the quarter’s points, ties sharing a rank and the next skipped', () => {
    const bulletin = buildBulletin(input);
    const town = bulletin.series[0].rows.map((r) => [r.unit, r.rank, r.points, r.cumulative, r.met]);
    expect(town).toEqual([
      ['丙镇', 1, 12, 17, false],
      ['甲镇', 2, 10, 30, false],
      ['乙镇', 2, 10, 10, false],
    ]);
    expect(bulletin.series[1].rows[0]).toMatchObject({ unit: '丁点', met: null, target: null, rank: 1 });
  });

  it('counts the quarter’s records from the booking rules', () => {
    const row = buildBulletin(input).series[0].rows.find((r) => r.unit === '甲镇')!;
    expect(row).toMatchObject({
      submitted: 3,
      adopted: { portal: 0, dynamic: 1 },
      instructions: 1,
      missed: 1,
      deductions: -15,
    });
  });

  it('lists the criticised units and the streak with the registry’s names, and the annex', () => {
    const bulletin = buildBulletin(input);
    expect(bulletin.criticised).toEqual(['甲镇', '乙镇', '丙镇']);
    expect(bulletin.failedStreak).toEqual([
      { unit: '乙镇', streak: 2, leaders: ['王'], officers: ['李'] },
      { unit: '丙镇', streak: 2, leaders: [], officers: [] },
    ]);
    expect(bulletin.annex).toEqual([{ title: 'A-2 的标题', unit: '甲镇', outlet: '政务动态', points: 3 }]);
  });
});

describe('adjustmentsSince', () => {
  const published: BulletinBooking[] = [
    { unit: '甲镇', quarter: 1, ref: 'A-1', rule: 'adoption:dynamic', points: 3 },
    { unit: '甲镇', quarter: 1, ref: 'P-3', rule: 'penalty:late_solicitation', points: -5 },
  ];

  it('names the records that changed a published quarter', () => {
    const now: BulletinBooking[] = [
      { unit: '甲镇', quarter: 1, ref: 'A-1', rule: 'adoption:dynamic', points: 3 },
      { unit: '甲镇', quarter: 1, ref: 'A-12', rule: 'adoption:portal', points: 2 },
    ];
    expect(
      adjustmentsSince([{ year: 2011, quarter: 1, bookings: published }], now, { year: 2011, quarter: 2 })
    ).toEqual([
      {
        unit: '甲镇',
        year: 2011,
        quarter: 1,
        before: -2,
        after: 5,
        reasons: ['新增采用记录 A-12（+2）', '删除扣分记录 P-3（+5）'],
      },
    ]);
  });

  it('reports a change once: the latest bulletin carrying the quarter is the baseline', () => {
    const now: BulletinBooking[] = [{ unit: '甲镇', quarter: 1, ref: 'A-1', rule: 'adoption:dynamic', points: 3 }];
    const q2 = { year: 2011, quarter: 2, bookings: now };
    expect(
      adjustmentsSince([{ year: 2011, quarter: 1, bookings: published }, q2], now, { year: 2011, quarter: 3 })
    ).toEqual([]);
  });

  it("reports a correction of last year's fourth quarter in this year's first bulletin, and only there", () => {
    const lastYear = (bookings: BulletinBooking[]) => bookings.map((b) => ({ ...b, quarter: 4, year: 2011 }));
    const q4 = { year: 2011, quarter: 4, bookings: published.map((b) => ({ ...b, quarter: 4 })) };
    const corrected = lastYear([published[0]]);
    const at = { year: 2012, quarter: 1, previousYearQuarters: 4 };
    expect(adjustmentsSince([q4], corrected, at)).toEqual([
      { unit: '甲镇', year: 2011, quarter: 4, before: -2, after: 3, reasons: ['删除扣分记录 P-3（+5）'] },
    ]);
    // Without the previous year read, nothing of it is reported.
    expect(adjustmentsSince([q4], [], { year: 2012, quarter: 1 })).toEqual([]);
    // The first bulletin of 2012 carried 2011 as corrected: the second reports nothing more.
    const q1 = { year: 2012, quarter: 1, bookings: corrected, previousYearQuarters: 4 };
    expect(adjustmentsSince([q4, q1], corrected, { year: 2012, quarter: 2, previousYearQuarters: 4 })).toEqual([]);
  });

  it('reports nothing of a quarter no bulletin published, whatever the quarter after carried', () => {
    // 2011 published up to Q3; 2012 Q1 carried 2011 Q1–Q3 only, so a Q4 record later is nobody's correction.
    const q3 = { year: 2011, quarter: 3, bookings: [] };
    const q1 = { year: 2012, quarter: 1, bookings: [], previousYearQuarters: 3 };
    const lateQ4: BulletinBooking[] = [
      { unit: '甲镇', year: 2011, quarter: 4, ref: 'A-9', rule: 'adoption:dynamic', points: 3 },
    ];
    expect(adjustmentsSince([q3, q1], lateQ4, { year: 2012, quarter: 2, previousYearQuarters: 3 })).toEqual([]);
  });

  it('takes the later publication as the baseline, even of an earlier quarter published late', () => {
    // 2012 Q1 was published in April with 2011 Q4 as it then stood; 2011 Q4 itself only in May, corrected.
    const corrected: BulletinBooking[] = [{ ...published[0], quarter: 4, year: 2011 }];
    const q1 = {
      year: 2012,
      quarter: 1,
      bookings: published.map((b) => ({ ...b, quarter: 4, year: 2011 })),
      previousYearQuarters: 4,
      publishedAt: '2012-04-10T02:00:00Z',
    };
    const q4 = {
      year: 2011,
      quarter: 4,
      bookings: corrected.map(({ year: _, ...b }) => b),
      publishedAt: '2012-05-02T02:00:00Z',
    };
    // 2012 Q2 compares with 2011 Q4's own bulletin, which already showed the correction: nothing to report.
    expect(adjustmentsSince([q1, q4], corrected, { year: 2012, quarter: 2, previousYearQuarters: 4 })).toEqual([]);
  });

  it("reads bulletins frozen before bookings carried their year as bookings of the bulletin's year", () => {
    const frozen = { year: 2011, quarter: 1, bookings: published };
    const now: BulletinBooking[] = [published[0]];
    expect(adjustmentsSince([frozen], now, { year: 2011, quarter: 2 })).toHaveLength(1);
  });
});

describe('followUpOpen', () => {
  const followUp = { unitId: 1, openedOn: '2011-07-05', closedAt: null };
  it('stays open until the unit registers an officer starting on or after it opened, or it is closed', () => {
    expect(followUpOpen(followUp, [{ unit_id: 1, duty: 'officer', started_on: '2010-01-01' }])).toBe(true);
    expect(followUpOpen(followUp, [{ unit_id: 2, duty: 'officer', started_on: '2011-08-01' }])).toBe(true);
    expect(followUpOpen(followUp, [{ unit_id: 1, duty: 'leader', started_on: '2011-08-01' }])).toBe(true);
    expect(followUpOpen(followUp, [{ unit_id: 1, duty: 'officer', started_on: '2011-07-05' }])).toBe(false);
    expect(followUpOpen({ ...followUp, closedAt: '2011-08-01T00:00:00Z' }, [])).toBe(false);
  });
});

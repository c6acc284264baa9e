import { officeIdentity } from '../office-identity.js';
import { failedStreakNoticeFor } from '../../domain/assessment-notices.js';
import { buildBulletin, type BulletinDocument } from '../../domain/bulletin.js';
import { periodIndex, quarterEnd, type IsoDate } from '../../domain/dates.js';
import { policyForPeriod } from '../../domain/policy.js';
import type { Db } from '../../db/database.js';
import { listBookingsWithUnits } from '../../db/repositories/booking.repository.js';
import { countSubmittedItemsByUnit } from '../../db/repositories/bulletin.repository.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import { listContacts } from '../../db/repositories/registry.repository.js';
import { listPublishedBulletins } from '../../db/repositories/result.repository.js';
import { listSeries, listUnits } from '../../db/repositories/unit.repository.js';
import { computeScores } from '../compute-scores.js';

export interface BulletinRequest {
  year: number;
  quarter: number;
  /** Count as `scores --as-of`; absent: the whole year, as `scores --json` without it. */
  asOf?: IsoDate;
  /** The day the figures stand at (统计截至). */
  statisticsDate: IsoDate;
  /** The date (the day it is published, or today for a preview). */
  issuedOn: IsoDate;
  textBefore?: string | null;
  textAfter?: string | null;
}

/** The quarter's bulletin from the stored records: scores, bookings, items, registry and earlier bulletins. */
export async function assembleBulletin(db: Db, request: BulletinRequest): Promise<BulletinDocument> {
  const { year, quarter, asOf } = request;
  const [scores, policies, series, units, bookings, submitted, contacts, earlier] = await Promise.all([
    computeScores(db, { year, quarter, asOf }),
    listPolicies(db),
    listSeries(db),
    listUnits(db),
    listBookingsWithUnits(db, periodIndex(year, 1), periodIndex(year, quarter), asOf),
    countSubmittedItemsByUnit(db, quarterStart(year, quarter), minDate(quarterEnd(year, quarter), asOf)),
    listContacts(db),
    listPublishedBulletins(db, year, quarter),
  ]);
  const earlierBulletins = earlier.map((e) => ({
    ...(JSON.parse(e.bulletin) as BulletinDocument),
    publishedAt: e.approvedAt,
  }));
  // The previous year's quarters stay open to correction, up to the last it published a bulletin
  // for: their bookings are read too, so this year's bulletins report what changed there since.
  const previousYearQuarters = Math.max(0, ...earlier.filter((e) => e.year === year - 1).map((e) => e.quarter));
  const previousYearBookings =
    previousYearQuarters > 0
      ? await listBookingsWithUnits(db, periodIndex(year - 1, 1), periodIndex(year - 1, previousYearQuarters), asOf)
      : undefined;
  const policy = policyForPeriod(policies, quarterEnd(year, quarter));
  const names = new Map(units.map((u) => [u.id, u.name]));
  return buildBulletin({
    year,
    quarter,
    asOf: request.statisticsDate,
    issuer: officeIdentity().issuer,
    issuedOn: request.issuedOn,
    textBefore: request.textBefore ?? '',
    textAfter: request.textAfter ?? '',
    units: scores.units,
    series: series.map((s) => ({
      code: s.code,
      name: s.name,
      quarterlyTarget: policy.series[s.code]?.quarterly ?? null,
      annualTarget: policy.series[s.code]?.annual ?? 0,
    })),
    outlets: Object.entries(policy.outlets).map(([code, outlet]) => ({ code, name: outlet.name })),
    submitted: new Map(submitted.map((s) => [s.unit, s.items])),
    bookings: bookings.map((b) => ({ ...bulletinBooking(b), itemTitle: b.item_title })),
    previousYear: previousYearBookings && {
      quarters: previousYearQuarters,
      bookings: previousYearBookings.map((b) => ({ ...bulletinBooking(b), year: year - 1 })),
    },
    contacts: currentContacts(contacts, names, request.issuedOn),
    failedStreakThreshold: failedStreakNoticeFor(policies, year),
    earlier: earlierBulletins,
  });
}

function bulletinBooking(b: { unit: string; period: number; record_ref: string; rule: string; points: number }) {
  return { unit: b.unit, quarter: (b.period % 4) + 1, ref: b.record_ref, rule: b.rule, points: b.points };
}

function quarterStart(year: number, quarter: number): IsoDate {
  return `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
}

function minDate(a: IsoDate, b: IsoDate | undefined): IsoDate {
  return b !== undefined && b < a ? b : a;
}

/** 分管领导 and 信息员 in post on a day, per unit name. */
function currentContacts(
  contacts: readonly { unit_id: number; duty: string; name: string; started_on: string; ended_on: string | null }[],
  names: ReadonlyMap<number, string>,
  day: IsoDate
): Map<string, { leaders: string[]; officers: string[] }> {
  const byUnit = new Map<string, { leaders: string[]; officers: string[] }>();
  for (const c of contacts) {
    if (c.started_on > day || (c.ended_on !== null && c.ended_on <= day)) continue;
    const unit = names.get(c.unit_id);
    if (!unit) continue;
    const entry = byUnit.get(unit) ?? { leaders: [], officers: [] };
    if (c.duty === 'leader') entry.leaders.push(c.name);
    if (c.duty === 'officer') entry.officers.push(c.name);
    byUnit.set(unit, entry);
  }
  return byUnit;
}

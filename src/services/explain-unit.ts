import { quarterOf, periodIndex, type IsoDate } from '../domain/dates.js';
import { recordTypeOfRule } from '../domain/bookings.js';
import { describeRule } from '../domain/describe-rule.js';
import { policyInForce } from '../domain/policy.js';
import type { Db } from '../db/database.js';
import { listUnitBookings } from '../db/repositories/booking.repository.js';
import { listPolicies } from '../db/repositories/policy.repository.js';
import { listUnits } from '../db/repositories/unit.repository.js';
import { findUnitItemsByRef } from '../db/repositories/unit-lookup.repository.js';

export interface ExplainOptions {
  unit: string;
  year: number;
  quarter?: number;
  asOf?: IsoDate;
}

/** One booking as `explain` shows it: what earned or cost points, when, and the record behind it. */
export interface ExplainedBooking {
  date: IsoDate;
  quarter: number;
  points: number;
  rule: string;
  description: string;
  record: { type: string; id: string };
  item: string | null;
  policy: string;
}

export interface Explanation {
  unit: string;
  series: string;
  year: number;
  quarter?: number;
  points: number;
  quarters: { quarter: number; points: number }[];
  bookings: ExplainedBooking[];
}

export class UnknownUnitError extends Error {
  constructor(
    readonly unit: string,
    readonly suggestions: string[]
  ) {
    super(`未找到报送单位“${unit}”${suggestions.length > 0 ? `；是否指：${suggestions.join('、')}` : ''}`);
  }
}

/** Every booking behind a unit's points for a year or quarter, summing to the figures of `scores`. */
export async function explainUnit(db: Db, options: ExplainOptions): Promise<Explanation> {
  const units = await listUnits(db);
  const unit = units.find((u) => u.name === options.unit);
  if (!unit) {
    // Suggest names that contain what was typed (沙湾 → 沙湾镇).
    const needle = options.unit.trim();
    throw new UnknownUnitError(
      options.unit,
      needle === ''
        ? []
        : units
            .filter((u) => u.name.includes(needle))
            .map((u) => u.name)
            .slice(0, 5)
    );
  }
  const first = periodIndex(options.year, options.quarter ?? 1);
  const last = periodIndex(options.year, options.quarter ?? 4);
  const [rows, policies] = await Promise.all([
    listUnitBookings(db, unit.id, first, last, options.asOf),
    listPolicies(db),
  ]);

  const bookings = rows.map((row): ExplainedBooking => {
    const policy = policyInForce(policies, row.date);
    return {
      date: row.date,
      quarter: quarterOf(row.date),
      points: row.points,
      rule: row.rule,
      description: describeRule(row.rule, policy),
      record: { type: recordTypeOfRule(row.rule), id: row.record_ref },
      item: row.item_ref,
      policy: policy?.name ?? '',
    };
  });
  const quarters = (options.quarter ? [options.quarter] : [1, 2, 3, 4]).map((quarter) => ({
    quarter,
    points: bookings.filter((b) => b.quarter === quarter).reduce((sum, b) => sum + b.points, 0),
  }));
  return {
    unit: unit.name,
    series: unit.series_code,
    year: options.year,
    ...(options.quarter ? { quarter: options.quarter } : {}),
    points: quarters.reduce((sum, q) => sum + q.points, 0),
    quarters,
    bookings,
  };
}

/** An explanation whose bookings name the id and title of their item, which the pages link to. */
export async function explainUnitWithItemLinks(
  db: Db,
  unitId: number,
  options: ExplainOptions
): Promise<Explanation & { bookings: (ExplainedBooking & { itemId: number | null; itemTitle: string | null })[] }> {
  const explanation = await explainUnit(db, options);
  const refs = [...new Set(explanation.bookings.map((b) => b.item).filter((ref) => ref !== null))];
  const items = new Map((await findUnitItemsByRef(db, unitId, refs)).map((row) => [row.ref, row]));
  return {
    ...explanation,
    bookings: explanation.bookings.map((b) => ({
      ...b,
      itemId: b.item === null ? null : (items.get(b.item)?.id ?? null),
      itemTitle: b.item === null ? null : (items.get(b.item)?.title ?? null),
    })),
  };
}

import { computeItemBookings, computePenaltyBookings, computeSolicitationBookings } from '../domain/bookings.js';
import type { BookingSource } from '../domain/bookings.js';
import type { Db } from '../db/database.js';
import { listSourceIds, listStoredBookings } from '../db/repositories/booking-check.repository.js';
import { chunked } from '../db/repositories/bulk.js';
import { loadItemFacts, loadPenaltyFacts, loadSolicitationFacts } from '../db/repositories/facts.repository.js';
import { listPolicies } from '../db/repositories/policy.repository.js';

/** What the check found: how many sources it recomputed and which disagree with their stored bookings. */
export interface BookingCheck {
  sources: number;
  /** `item 12`, `penalty 3`: sources whose stored bookings differ from a fresh recomputation. */
  mismatched: string[];
}

const key = (b: { unitId: number; date: string; points: number; rule: string; recordRef: string }) =>
  `${b.unitId}|${b.date}|${b.points}|${b.rule}|${b.recordRef}`;

/**
 * Recomputes the bookings of every item, solicitation and penalty from its records and compares
 * them with the stored ones. Bookings are replaced in the same transaction as their records,
 * so any difference means a change was half applied (the crash-safety and restore checks).
 */
export async function checkStoredBookings(db: Db): Promise<BookingCheck> {
  const policies = await listPolicies(db);
  const compute = {
    item: async (ids: number[]) => (await loadItemFacts(db, ids)).flatMap((f) => computeItemBookings(f, policies)),
    solicitation: async (ids: number[]) =>
      (await loadSolicitationFacts(db, ids)).flatMap((f) => computeSolicitationBookings(f, policies)),
    penalty: async (ids: number[]) =>
      (await loadPenaltyFacts(db, ids)).flatMap((f) => computePenaltyBookings(f, policies)),
  };
  const result: BookingCheck = { sources: 0, mismatched: [] };
  for (const type of ['item', 'solicitation', 'penalty'] as BookingSource['type'][]) {
    for (const ids of chunked(await listSourceIds(db, type), 1_000)) {
      result.sources += ids.length;
      const expected = new Map<number, string[]>();
      for (const booking of await compute[type](ids)) push(expected, booking.sourceId, key(booking));
      const stored = new Map<number, string[]>();
      for (const row of await listStoredBookings(db, type, ids))
        push(
          stored,
          row.source_id,
          key({ unitId: row.unit_id, date: row.date, points: row.points, rule: row.rule, recordRef: row.record_ref })
        );
      for (const id of ids) {
        const a = (expected.get(id) ?? []).sort().join('\n');
        const b = (stored.get(id) ?? []).sort().join('\n');
        if (a !== b) result.mismatched.push(`${type} ${id}`);
      }
    }
  }
  return result;
}

function push(map: Map<number, string[]>, id: number, value: string): void {
  const list = map.get(id);
  if (list) list.push(value);
  else map.set(id, [value]);
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connect.js';
import {
  insertBookings,
  listUnitBookings,
  sumPointsByUnitAndPeriod,
} from '../../src/db/repositories/booking.repository.js';
import { listUnits } from '../../src/db/repositories/unit.repository.js';
import { countsAsOf, MISSED_DEADLINE_RULE } from '../../src/domain/as-of.js';
import type { Booking } from '../../src/domain/bookings.js';
import { periodIndex } from '../../src/domain/dates.js';
import { createTestStore, isDialectAvailable } from '../helpers/test-store.js';

/** The repository's SQL and the domain's `countsAsOf` keep the same bookings on the days around a deadline. */
describe.skipIf(!isDialectAvailable)('the as-of rule in SQL and in the domain', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let unitId: number;
  const bookings: Booking[] = [];
  beforeAll(async () => {
    ({ store, cleanup } = await createTestStore());
    unitId = (await listUnits(store.db))[0].id;
    let n = 0;
    for (const date of ['2011-06-29', '2011-06-30', '2011-07-01']) {
      for (const rule of ['adoption:portal', 'penalty:criticism', MISSED_DEADLINE_RULE]) {
        n++;
        bookings.push({
          unitId,
          date,
          points: n,
          rule,
          policy: 'panyu-2010',
          sourceType: 'penalty',
          sourceId: 9000 + n,
          recordType: 'penalty',
          recordRef: `AS-OF-${n}`,
          itemRef: null,
        });
      }
    }
    await insertBookings(store.db, bookings);
  });
  afterAll(async () => cleanup?.());

  it.each(['2011-06-29', '2011-06-30', '2011-07-01', '2011-07-02'])('as of %s', async (asOf) => {
    const expected = bookings.filter((b) => countsAsOf(b, asOf));
    const listed = await listUnitBookings(store.db, unitId, periodIndex(2011, 1), periodIndex(2011, 4), asOf);
    expect(listed.map((b) => b.record_ref).sort()).toEqual(expected.map((b) => b.recordRef).sort());
    const sums = await sumPointsByUnitAndPeriod(store.db, { maxPeriod: periodIndex(2011, 4), asOf });
    const byPeriod = (period: number) =>
      expected
        .filter((b) => periodIndex(Number(b.date.slice(0, 4)), Math.ceil(Number(b.date.slice(5, 7)) / 3)) === period)
        .reduce((sum, b) => sum + b.points, 0);
    for (const period of [periodIndex(2011, 2), periodIndex(2011, 3)]) {
      expect(sums.find((s) => s.unit_id === unitId && s.period === period)?.points ?? 0).toBe(byPeriod(period));
    }
  });
});

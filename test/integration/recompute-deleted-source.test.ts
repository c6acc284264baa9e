import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connect.js';
import { insertBookings, listUnitBookings } from '../../src/db/repositories/booking.repository.js';
import { listPolicies } from '../../src/db/repositories/policy.repository.js';
import { listUnits } from '../../src/db/repositories/unit.repository.js';
import { periodIndex } from '../../src/domain/dates.js';
import { recomputeBookings } from '../../src/services/recompute-bookings.js';
import { createTestStore, isDialectAvailable } from '../helpers/test-store.js';

/** Deleting a record and recomputing its bookings is how its points go (deletePenalty relies on it). */
describe.skipIf(!isDialectAvailable)('recomputing the bookings of a source that no longer exists', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ store, cleanup } = await createTestStore()));
  afterAll(async () => cleanup?.());

  it('removes its bookings and leaves those of other sources', async () => {
    const unitId = (await listUnits(store.db))[0].id;
    const booking = (sourceId: number) => ({
      unitId,
      date: '2011-05-20',
      points: -5,
      rule: 'penalty:late_solicitation',
      policy: 'panyu-2010',
      sourceType: 'penalty' as const,
      sourceId,
      recordType: 'penalty' as const,
      recordRef: `GONE-${sourceId}`,
      itemRef: null,
    });
    await insertBookings(store.db, [booking(7001), booking(7002)]);
    await recomputeBookings(store.db, { penaltyIds: [7001] }, await listPolicies(store.db));
    const left = await listUnitBookings(store.db, unitId, periodIndex(2011, 1), periodIndex(2011, 4));
    expect(left.map((b) => b.record_ref)).toEqual(['GONE-7002']);
  });
});

import { computeItemBookings, computePenaltyBookings, computeSolicitationBookings } from '../domain/bookings.js';
import type { Policy } from '../domain/policy.js';
import type { Db } from '../db/database.js';
import { replaceBookings } from '../db/repositories/booking.repository.js';
import { loadItemFacts, loadPenaltyFacts, loadSolicitationFacts } from '../db/repositories/facts.repository.js';

/** The records whose bookings a change may have altered. */
export interface AffectedSources {
  itemIds?: Iterable<number>;
  solicitationIds?: Iterable<number>;
  penaltyIds?: Iterable<number>;
}

/**
 * Recomputes the bookings of the given items, solicitations and penalties from the records
 * as stored now. Call it in the same transaction as the change, so scores never see a
 * record without its points or points without their record. A source deleted in the transaction
 * has no facts left, so its bookings are removed and none replace them.
 */
export async function recomputeBookings(db: Db, affected: AffectedSources, policies: readonly Policy[]): Promise<void> {
  const itemIds = [...new Set(affected.itemIds ?? [])];
  const solicitationIds = [...new Set(affected.solicitationIds ?? [])];
  const penaltyIds = [...new Set(affected.penaltyIds ?? [])];

  if (itemIds.length > 0) {
    const items = await loadItemFacts(db, itemIds);
    await replaceBookings(
      db,
      'item',
      itemIds,
      items.flatMap((item) => computeItemBookings(item, policies))
    );
  }
  if (solicitationIds.length > 0) {
    const solicitations = await loadSolicitationFacts(db, solicitationIds);
    await replaceBookings(
      db,
      'solicitation',
      solicitationIds,
      solicitations.flatMap((s) => computeSolicitationBookings(s, policies))
    );
  }
  if (penaltyIds.length > 0) {
    const penalties = await loadPenaltyFacts(db, penaltyIds);
    await replaceBookings(
      db,
      'penalty',
      penaltyIds,
      penalties.flatMap((p) => computePenaltyBookings(p, policies))
    );
  }
}

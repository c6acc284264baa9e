import type { BookingSource } from '../../domain/bookings.js';
import type { Db } from '../database.js';

/** The tables whose rows are booking sources. */
const SOURCE_TABLES = { item: 'items', solicitation: 'solicitations', penalty: 'penalties' } as const;

/** Every id of a source type: the stored records, and any id bookings still name (a deleted source's leftovers). */
export async function listSourceIds(db: Db, type: BookingSource['type']): Promise<number[]> {
  const records = await db.selectFrom(SOURCE_TABLES[type]).select('id').execute();
  const booked = await db
    .selectFrom('bookings')
    .select('source_id')
    .distinct()
    .where('source_type', '=', type)
    .execute();
  return [...new Set([...records.map((r) => r.id), ...booked.map((b) => b.source_id)])].sort((a, b) => a - b);
}

/** The stored bookings of some sources of one type. */
export async function listStoredBookings(
  db: Db,
  type: BookingSource['type'],
  ids: readonly number[]
): Promise<{ unit_id: number; date: string; points: number; rule: string; source_id: number; record_ref: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('bookings')
    .select(['unit_id', 'date', 'points', 'rule', 'source_id', 'record_ref'])
    .where('source_type', '=', type)
    .where('source_id', 'in', ids)
    .execute();
}

import type { Kysely } from 'kysely';
import { canSeeItem } from '../../domain/permissions.js';
import type { Database, Db } from '../../db/database.js';
import { findItem } from '../../db/repositories/item.repository.js';
import type { ItemRow } from '../../db/tables/item.table.js';
import { denyAsNotFound } from '../audit/deny-as-not-found.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';

/**
 * The item if the user may see it. Another unit's item, or one the district has not been sent,
 * answers 404 as if it did not exist (no guessing ids), and the attempt is audited.
 */
export async function loadVisibleItem(
  db: Kysely<Database> | Db,
  user: ActingUser,
  id: number,
  now: Date
): Promise<ItemRow> {
  const item = await findItem(db, id);
  if (item && canSeeItem(user, { unitId: item.unit_id, sentAt: item.sent_at })) return item;
  if (item)
    return denyAsNotFound(db, user, { objectType: 'item', objectId: id, reason: 'not_visible' }, '稿件不存在', now);
  throw new ServiceError('not_found', '稿件不存在').audited();
}

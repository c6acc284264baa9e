import type { Kysely } from 'kysely';
import { canSeeItem } from '../../domain/permissions.js';
import type { Database, Db } from '../../db/database.js';
import { findItem } from '../../db/repositories/item.repository.js';
import type { ItemRow } from '../../db/tables/item.table.js';
import { appendAudit } from '../audit/append-audit.js';
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
  if (item) {
    await appendAudit(
      db,
      user,
      { action: 'access', objectType: 'item', objectId: id, outcome: 'denied', after: { reason: 'not_visible' } },
      now
    );
  }
  throw new ServiceError('not_found', '稿件不存在').audited();
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { loadVisibleItem } from '../items/item-access.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { linkResponse } from './link-response.js';

/** 信息员 answers a solicitation with an item of their unit; on time when the item is sent by the deadline. */
export async function answerSolicitation(
  db: Kysely<Database>,
  user: ActingUser,
  solicitationId: number,
  itemId: number,
  now: Date
): Promise<{ id: number; ref: string }> {
  requireRole(user, ['officer'], '回复约稿');
  const item = await loadVisibleItem(db, user, itemId, now);
  return db.transaction().execute((trx) => linkResponse(trx, user, solicitationId, item, now));
}

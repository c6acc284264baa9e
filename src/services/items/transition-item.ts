import type { Kysely } from 'kysely';
import { todayInChina } from '../../domain/dates.js';
import { ITEM_ACTIONS, nextStatus, type ItemAction } from '../../domain/item-workflow.js';
import type { Database } from '../../db/database.js';
import { solicitationIdsOfItem } from '../../db/repositories/editorial.repository.js';
import { insertItemEvent, updateItem } from '../../db/repositories/item.repository.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import type { ItemRow } from '../../db/tables/item.table.js';
import type { ItemStatus } from '../../shared/item-fields.js';
import { appendAudit } from '../audit/append-audit.js';
import { recomputeBookings } from '../recompute-bookings.js';
import { ServiceError } from '../service-error.js';
import { loadVisibleItem } from './item-access.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { notifyItemReturned } from '../notifications/notify-events.js';
import { isDistrictRole } from '../../domain/permissions.js';

/**
 * Moves an item through its workflow: the action must be the user's role's, from the item's
 * current state, at the version the user saw. Sending to the district sets the submission date
 * (which decides whether a solicitation was answered in time) and rescores the item.
 */
export async function transitionItem(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  action: ItemAction,
  comment: string | undefined,
  now: Date
): Promise<ItemStatus> {
  const item = await loadVisibleItem(db, user, id, now);
  const rule = ITEM_ACTIONS[action];
  requireRole(user, rule.roles, `执行“${rule.label}”`);
  if (item.version !== version)
    throw new ServiceError('conflict', '稿件已被他人修改，请刷新后重试', { currentVersion: item.version });
  const next = nextStatus(
    action,
    { status: item.status as ItemStatus, isMajor: Boolean(item.is_major), paperCopyOn: item.paper_copy_on },
    comment
  );
  if ('refusal' in next) throw new ServiceError('conflict', next.refusal);

  const at = now.toISOString();
  const changes: Partial<ItemRow> = { status: next.status, updated_at: at };
  const isSent = next.status === 'submitted' && item.status !== 'submitted';
  if (isSent) {
    changes.submitted = todayInChina(now);
    changes.sent_at = at;
    changes.signer = action === 'sign' ? user.displayName : (item.signer ?? user.displayName);
  }
  // Withdrawn or returned, the item is back inside its unit until it is sent again.
  if (action === 'withdraw' || action === 'return_for_revision') changes.sent_at = null;
  if (action === 'return_to_officer' || action === 'return_for_revision') changes.return_reason = comment!.trim();
  if (action === 'reject') changes.rejection_reason = comment!.trim();

  await db.transaction().execute(async (trx) => {
    if (!(await updateItem(trx, id, version, changes)))
      throw new ServiceError('conflict', '稿件已被他人修改，请刷新后重试');
    await insertItemEvent(trx, {
      item_id: id,
      at,
      actor_id: user.id,
      actor: user.displayName,
      action,
      from_status: item.status,
      to_status: next.status,
      comment: comment?.trim() || null,
    });
    await appendAudit(
      trx,
      user,
      {
        action: `item_${action}`,
        objectType: 'item',
        objectId: id,
        outcome: 'ok',
        before: { status: item.status },
        after: changes,
      },
      now
    );
    if (isSent || changes.sent_at === null) {
      // Whether the item answers its solicitations in time has changed with it.
      const solicitationIds = await solicitationIdsOfItem(trx, id);
      await recomputeBookings(trx, { itemIds: [id], solicitationIds }, await listPolicies(trx));
    }
    if (action === 'return_to_officer' || action === 'return_for_revision')
      await notifyItemReturned(
        trx,
        { id, unitId: item.unit_id, title: item.title },
        { name: user.displayName, district: isDistrictRole(user.role) },
        comment!.trim(),
        now
      );
  });
  return next.status;
}

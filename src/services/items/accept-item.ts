import type { Kysely } from 'kysely';
import { nextStatus } from '../../domain/item-workflow.js';
import type { Database, Db } from '../../db/database.js';
import { insertWithRef } from '../../db/repositories/editorial.repository.js';
import { insertItemEvent, updateItem } from '../../db/repositories/item.repository.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import type { ItemRow } from '../../db/tables/item.table.js';
import type { ItemStatus } from '../../shared/item-fields.js';
import { appendAudit } from '../audit/append-audit.js';
import { recomputeBookings } from '../recompute-bookings.js';
import { ServiceError } from '../service-error.js';
import { adoptionLabel, checkedAdoption, type AdoptionInput } from './editorial-records.js';
import { loadVisibleItem } from './item-access.js';
import { requireRole, type ActingUser } from '../acting-user.js';

/** At most this many items go into one issue at once (one inbox page at its largest). */
export const BULK_ADOPTION_LIMIT = 100;

/** States from which an item can be adopted in one step: sent and not yet received, received, or adopted elsewhere already. */
const ADOPTABLE: readonly string[] = ['submitted', 'received', 'adopted'];

type Checked = Awaited<ReturnType<typeof checkedAdoption>>;

/** Loads an item for adoption at the version the editor saw, with its adoptions checked. */
async function loadAdoptable(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  adoptions: readonly AdoptionInput[],
  now: Date
) {
  const item = await loadVisibleItem(db, user, id, now);
  const name = `稿件“${item.title}”`;
  if (item.version !== version)
    throw new ServiceError('conflict', `${name}已被他人修改，请刷新后重试`, {
      itemId: id,
      currentVersion: item.version,
    });
  if (!ADOPTABLE.includes(item.status) && item.origin !== 'ledger')
    throw new ServiceError('conflict', `${name}当前状态不能登记采用`, { itemId: id });
  if (item.status === 'submitted') {
    const next = nextStatus(
      'receive',
      { status: 'submitted', isMajor: Boolean(item.is_major), paperCopyOn: item.paper_copy_on },
      undefined
    );
    if ('refusal' in next) throw new ServiceError('conflict', `${name}：${next.refusal}`, { itemId: id });
  }
  const values: Checked[] = [];
  for (const input of adoptions) values.push(await checkedAdoption(db, item, input, now));
  return { item, values };
}

/**
 * Receives (when still 待接收) and adopts one item, inside the caller's transaction: one event per
 * step in its history, one audit entry per adoption. The caller recomputes the bookings.
 */
async function receiveAndAdopt(
  trx: Db,
  user: ActingUser,
  item: ItemRow,
  values: readonly Checked[],
  now: Date,
  bulk: boolean
): Promise<{ id: number; ref: string }[]> {
  const at = now.toISOString();
  const event = (action: string, from: string, to: string, comment: string | null) =>
    insertItemEvent(trx, {
      item_id: item.id,
      at,
      actor_id: user.id,
      actor: user.displayName,
      action,
      from_status: from,
      to_status: to,
      comment,
    });
  const status: ItemStatus = 'adopted';
  if (item.status !== status && !(await updateItem(trx, item.id, item.version, { status, updated_at: at }))) {
    throw new ServiceError('conflict', `稿件“${item.title}”已被他人修改，请刷新后重试`, { itemId: item.id });
  }
  let from = item.status;
  if (from === 'submitted') {
    await event('receive', 'submitted', 'received', null);
    await appendAudit(
      trx,
      user,
      {
        action: 'item_receive',
        objectType: 'item',
        objectId: item.id,
        outcome: 'ok',
        before: { status: 'submitted' },
        after: { status: 'received' },
      },
      now
    );
    from = 'received';
  }
  const created: { id: number; ref: string }[] = [];
  for (const v of values) {
    const record = await insertWithRef(trx, 'adoptions', 'WA', { item_id: item.id, ...v });
    created.push(record);
    await event('adopt', from, status, `${adoptionLabel(v)} ${v.date}${v.issue ? ` ${v.issue}` : ''}`);
    from = status;
    await appendAudit(
      trx,
      user,
      {
        action: 'adopt_item',
        objectType: 'adoption',
        objectId: record.id,
        outcome: 'ok',
        after: { item_id: item.id, ...v, ref: record.ref, ...(bulk ? { bulk: true } : {}) },
      },
      now
    );
  }
  return created;
}

/**
 * 接收并采用: the editor receives an item and records its adoption(s) in one step. Everything is
 * written in one transaction, so a refused adoption leaves the item as it was (not received).
 */
export async function acceptItem(
  db: Kysely<Database>,
  user: ActingUser,
  itemId: number,
  version: number,
  adoptions: readonly AdoptionInput[],
  now: Date
): Promise<{ status: ItemStatus; adoptions: { id: number; ref: string }[] }> {
  requireRole(user, ['editor'], '接收并采用稿件');
  if (adoptions.length === 0)
    throw new ServiceError('invalid', '请至少登记一项采用', { field: 'adoptions', label: '采用' });
  const { item, values } = await loadAdoptable(db, user, itemId, version, adoptions, now);
  const created = await db.transaction().execute(async (trx) => {
    const records = await receiveAndAdopt(trx, user, item, values, now, false);
    await recomputeBookings(trx, { itemIds: [item.id] }, await listPolicies(trx));
    return records;
  });
  return { status: 'adopted', adoptions: created };
}

/**
 * 批量采用: a selection of items adopted into one issue of one outlet (same kind and 期号), items
 * still 待接收 received on the way. All or nothing: one refusal names its item and stores nothing.
 */
export async function adoptItemsIntoIssue(
  db: Kysely<Database>,
  user: ActingUser,
  items: readonly { id: number; version: number }[],
  adoption: AdoptionInput,
  now: Date
): Promise<{ adopted: number; refs: string[] }> {
  requireRole(user, ['editor'], '批量登记采用');
  if (items.length === 0) throw new ServiceError('invalid', '请选择要采用的稿件', { field: 'items', label: '稿件' });
  if (items.length > BULK_ADOPTION_LIMIT)
    throw new ServiceError('invalid', `一次最多采用 ${BULK_ADOPTION_LIMIT} 篇稿件`, { field: 'items', label: '稿件' });
  if (new Set(items.map((i) => i.id)).size !== items.length)
    throw new ServiceError('invalid', '所选稿件有重复', { field: 'items', label: '稿件' });
  const loaded: Awaited<ReturnType<typeof loadAdoptable>>[] = [];
  for (const { id, version } of items) loaded.push(await loadAdoptable(db, user, id, version, [adoption], now));
  const refs = await db.transaction().execute(async (trx) => {
    const created: string[] = [];
    for (const { item, values } of loaded)
      created.push(...(await receiveAndAdopt(trx, user, item, values, now, true)).map((r) => r.ref));
    await recomputeBookings(trx, { itemIds: loaded.map((l) => l.item.id) }, await listPolicies(trx));
    return created;
  });
  return { adopted: loaded.length, refs };
}

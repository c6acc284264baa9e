import type { Kysely } from 'kysely';
import { todayInChina } from '../../domain/dates.js';
import { issueLine } from '../../domain/periodical-issue.js';
import type { Database, Db } from '../../db/database.js';
import {
  countAdoptions,
  deleteAdoption,
  findAdoptionOfItem,
  insertWithRef,
} from '../../db/repositories/editorial.repository.js';
import { findItem, insertItemEvent, updateItem } from '../../db/repositories/item.repository.js';
import {
  adoptionsInOutlet,
  issueItems,
  setIssueItemAdoption,
  updateIssue,
} from '../../db/repositories/periodical.repository.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import type { ItemRow } from '../../db/tables/item.table.js';
import type { PublishResult } from '../../shared/api/periodicals.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { adoptionLabel, checkedAdoption } from '../items/editorial-records.js';
import { recomputeBookings } from '../recompute-bookings.js';
import { ServiceError } from '../service-error.js';
import { loadIssue, recordIssueEvent, requireVersion } from './periodical-access.js';
import { isReceived } from './save-issue.js';

const stale = () => new ServiceError('conflict', '稿件或刊物已被他人修改，请刷新后重试');

/** Sets an item's state and writes its history line, as the item's own page would. */
async function itemEvent(
  trx: Db,
  user: ActingUser,
  item: ItemRow,
  now: Date,
  action: string,
  comment: string,
  status?: string
): Promise<void> {
  const at = now.toISOString();
  if (status && status !== item.status && !(await updateItem(trx, item.id, item.version, { status, updated_at: at })))
    throw stale();
  await insertItemEvent(trx, {
    item_id: item.id,
    at,
    actor_id: user.id,
    actor: user.displayName,
    action,
    from_status: item.status,
    to_status: status ?? item.status,
    comment,
  });
}

/**
 * 发布: the editor publishes an approved issue. In one transaction every item is recorded as adopted
 * by the periodical's outlet, with the issue's number and date; an item already adopted there keeps
 * its earliest adoption and gets no second. Bookings of every item follow.
 */
export async function publishIssue(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  now: Date
): Promise<PublishResult> {
  requireRole(user, ['editor'], '发布刊物');
  return db.transaction().execute(async (trx) => {
    const { issue, periodical } = await loadIssue(trx, id, { lockPeriodical: true });
    requireVersion(issue, version);
    if (issue.status !== 'approved')
      throw new ServiceError(
        'conflict',
        issue.status === 'published' ? '该期刊物已发布' : '该期刊物尚未经领导审批，不能发布'
      );
    if (issue.date > todayInChina(now))
      throw new ServiceError('invalid', `出刊日期 ${issue.date} 晚于今天，不能发布`, {
        field: 'date',
        label: '出刊日期',
      });
    const rows = await issueItems(trx, id);
    const earlier = await adoptionsInOutlet(
      trx,
      rows.map((r) => r.item_id),
      periodical.outlet
    );
    const line = issueLine(issue.year, issue.number);
    const created: { itemId: number; adoptionId: number; ref: string }[] = [];
    const kept: PublishResult['kept'] = [];
    for (const row of rows) {
      const item = (await findItem(trx, row.item_id))!;
      // Marked 未采用 (or otherwise taken back) since it was put in the issue.
      if (!isReceived(item))
        throw new ServiceError('conflict', `稿件“${item.title}”已不是已接收状态，请将其移出本期后重新送审`);
      const existing = earlier.get(item.id);
      if (existing) {
        kept.push({ itemId: item.id, title: item.title, date: existing.date });
        continue;
      }
      const values = await checkedAdoption(
        trx,
        item,
        { outlet: periodical.outlet, kind: row.kind, date: issue.date, issue: line },
        now
      );
      const adoption = await insertWithRef(trx, 'adoptions', 'WA', { item_id: item.id, ...values });
      await setIssueItemAdoption(trx, row.id, adoption.id);
      await itemEvent(trx, user, item, now, 'adopt', `${adoptionLabel(values)} ${values.date} ${line}`, 'adopted');
      created.push({ itemId: item.id, adoptionId: adoption.id, ref: adoption.ref });
    }
    if (!(await updateIssue(trx, id, version, { status: 'published', published_at: now.toISOString() }))) throw stale();
    await recordIssueEvent(trx, id, user, 'publish', now);
    await appendAudit(
      trx,
      user,
      {
        action: 'publish_periodical_issue',
        objectType: 'periodical_issue',
        objectId: id,
        outcome: 'ok',
        before: { status: issue.status },
        after: { status: 'published', outlet: periodical.outlet, issue: line, date: issue.date, created, kept },
      },
      now
    );
    await recomputeBookings(trx, { itemIds: rows.map((r) => r.item_id) }, await listPolicies(trx));
    return { adopted: created.length, kept };
  });
}

/**
 * 撤回: the editor withdraws a published issue. Exactly the adoptions its publishing created go
 * (one corrected or removed on the item's page since is left as it is now); an item left without
 * adoptions is back to received; bookings follow. The issue can then be edited and submitted again.
 */
export async function withdrawIssue(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  comment: string | undefined,
  now: Date
): Promise<void> {
  requireRole(user, ['editor'], '撤回刊物');
  await db.transaction().execute(async (trx) => {
    const { issue } = await loadIssue(trx, id);
    requireVersion(issue, version);
    if (issue.status !== 'published') throw new ServiceError('conflict', '该期刊物未发布，无需撤回');
    const rows = await issueItems(trx, id);
    const removed: unknown[] = [];
    for (const row of rows) {
      if (row.adoption_id === null) continue;
      const adoption = await findAdoptionOfItem(trx, row.item_id, row.adoption_id);
      await setIssueItemAdoption(trx, row.id, null);
      if (!adoption) continue;
      await deleteAdoption(trx, adoption.id);
      removed.push(adoption);
      const item = (await findItem(trx, row.item_id))!;
      const remaining = await countAdoptions(trx, item.id);
      const back = remaining === 0 && item.status === 'adopted' ? 'received' : undefined;
      await itemEvent(trx, user, item, now, 'undo_adoption', `撤回刊物，撤销 ${adoption.ref}`, back);
    }
    if (!(await updateIssue(trx, id, version, { status: 'withdrawn', updated_at: now.toISOString() }))) throw stale();
    const reason = comment?.trim() || null;
    await recordIssueEvent(trx, id, user, 'withdraw', now, reason);
    await appendAudit(
      trx,
      user,
      {
        action: 'withdraw_periodical_issue',
        objectType: 'periodical_issue',
        objectId: id,
        outcome: 'ok',
        before: { status: 'published', adoptions: removed },
        after: { status: 'withdrawn', ...(reason ? { comment: reason } : {}) },
      },
      now
    );
    await recomputeBookings(trx, { itemIds: rows.map((r) => r.item_id) }, await listPolicies(trx));
  });
}

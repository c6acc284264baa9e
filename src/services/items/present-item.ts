import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import {
  itemRecords,
  listAttachments,
  listItemBookings,
  listItemEvents,
  listItems,
  type ItemListFilter,
} from '../../db/repositories/item.repository.js';
import { findUnitSummary } from '../../db/repositories/unit-summary.repository.js';
import type { ItemRow } from '../../db/tables/item.table.js';
import { recordTypeOfRule } from '../../domain/bookings.js';
import { isDistrictRole } from '../../domain/permissions.js';
import type { ItemDetail } from '../../shared/api/item-detail.js';
import type { ItemListResponse } from '../../shared/api/items.js';
import { ITEM_STATUSES, type ItemStatus } from '../../shared/item-fields.js';
import type { ActingUser } from '../acting-user.js';
import { loadVisibleItem } from './item-access.js';

const statusName = (status: string) => ITEM_STATUSES[status as ItemStatus] ?? status;

/** The item page: the item the user may see, with its history, attachments, records and points. */
export async function presentItem(
  db: Kysely<Database>,
  user: ActingUser,
  itemId: number,
  now: Date
): Promise<ItemDetail> {
  const item: ItemRow = await loadVisibleItem(db, user, itemId, now);
  const [unit, events, attachments, records, bookings] = await Promise.all([
    findUnitSummary(db, item.unit_id),
    listItemEvents(db, item.id),
    listAttachments(db, item.id),
    itemRecords(db, item.id),
    listItemBookings(db, item.id),
  ]);
  if (!unit) throw new Error(`item ${item.id} has no unit ${item.unit_id}`);
  return {
    id: item.id,
    ref: item.ref,
    version: item.version,
    status: item.status as ItemStatus,
    statusName: statusName(item.status),
    title: item.title,
    body: item.body,
    category: item.category,
    reporter: item.reporter,
    signer: item.signer,
    phone: item.phone,
    isPublic: Boolean(item.is_public),
    source: item.source,
    isMajor: Boolean(item.is_major),
    paperCopyOn: item.paper_copy_on,
    submitted: item.submitted,
    sentAt: item.sent_at,
    origin: item.origin,
    returnReason: item.return_reason,
    rejectionReason: item.rejection_reason,
    unit,
    history: events.map((e) => ({
      at: e.at,
      actor: e.actor,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      comment: e.comment,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      mediaType: a.media_type,
      size: a.size,
      sha256: a.sha256,
      createdAt: a.created_at,
    })),
    ...records,
    bookings: bookings.map((b) => ({
      date: b.date,
      points: b.points,
      rule: b.rule,
      record: { type: recordTypeOfRule(b.rule), id: b.record_ref },
    })),
    points: bookings.reduce((sum, b) => sum + b.points, 0),
  };
}

/** A page of the item list: the unit's own items, or for the district office those sent to it. */
export async function listItemPage(
  db: Kysely<Database>,
  user: ActingUser,
  filter: ItemListFilter & { page?: number; pageSize?: number }
): Promise<ItemListResponse> {
  const scope = isDistrictRole(user.role) ? { district: true as const } : { unitId: user.unitId! };
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? 20;
  const { rows, total } = await listItems(db, scope, filter, page, pageSize);
  return {
    page,
    pageSize,
    total,
    items: rows.map((row) => ({
      id: row.id,
      ref: row.ref,
      title: row.title,
      status: row.status as ItemStatus,
      statusName: statusName(row.status),
      submitted: row.submitted,
      category: row.category,
      isPublic: Boolean(row.is_public),
      isMajor: Boolean(row.is_major),
      unit: { id: row.unit_id, name: row.unit, series: row.series },
      version: row.version,
      points: row.points,
    })),
  };
}

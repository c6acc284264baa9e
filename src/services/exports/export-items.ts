/** 导出Excel of an item list: the editor's inbox or a unit's own items, through the list's own use case. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { isDistrictRole } from '../../domain/permissions.js';
import { todayInChina } from '../../domain/dates.js';
import { ItemListQuery } from '../../shared/api/items.js';
import { ITEM_STATUSES } from '../../shared/item-fields.js';
import { ITEM_COLUMNS, PUBLIC_LABELS, UNIT_ITEM_DATE_TITLE } from '../../shared/tables/item-columns.js';
import type { ActingUser } from '../acting-user.js';
import { listItemPage } from '../items/present-item.js';
import {
  EXPORT_MAX_ROWS,
  filterDescription,
  rowCountNote,
  sheetOf,
  workbookOf,
  type ExportedWorkbook,
} from './export-workbook.js';

const DISTRICT_KEYS = [
  'ref',
  'title',
  'unit',
  'status',
  'category',
  'submitted',
  'isPublic',
  'isMajor',
  'points',
] as const;
const UNIT_KEYS = ['ref', 'title', 'status', 'category', 'submitted', 'isPublic', 'isMajor', 'points'] as const;

/** Every item the list's filters select (up to the cap), in the list's order. */
export async function exportItems(
  db: Kysely<Database>,
  user: ActingUser,
  query: ItemListQuery,
  now: Date
): Promise<ExportedWorkbook> {
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  const list = await listItemPage(db, user, { ...filter, page: 1, pageSize: EXPORT_MAX_ROWS });
  const district = isDistrictRole(user.role);
  const name = district ? '收件箱' : '本单位稿件';
  const titles = district ? ITEM_COLUMNS : { ...ITEM_COLUMNS, submitted: UNIT_ITEM_DATE_TITLE };
  const sheet = sheetOf(name, titles, district ? DISTRICT_KEYS : UNIT_KEYS, list.items, (item) => ({
    ref: item.ref,
    title: item.title,
    unit: item.unit.name,
    status: item.statusName,
    category: item.category,
    submitted: item.submitted,
    isPublic: PUBLIC_LABELS[`${item.isPublic}`],
    isMajor: item.isMajor ? '重大' : '',
    points: item.points,
  }));
  // The state in words, as the page's filter shows it.
  const shown = { ...filter, status: filter.status && ITEM_STATUSES[filter.status] };
  const description = `${filterDescription(ItemListQuery, shown)}；${rowCountNote(list.total, list.items.length)}`;
  return workbookOf(`${name}_${todayInChina(now)}`, [sheet], name, description);
}

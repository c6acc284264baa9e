/** The inbox's API calls, and the pure rules of the page: filters in the URL, highlighting, bulk actions. */
import type { ItemAction } from '@domain/item-workflow';
import { ITEM_STATUSES, type ItemStatus } from '@shared/item-fields';
import type {
  ItemListQuery,
  ItemListRow,
  ItemListResponse,
  SimilarItem,
  SimilarItemsBatchResponse,
  TransitionResponse,
} from '@shared/api/items';
import { ApiError, http, query } from '../../../http';

/** A row and a page of GET /api/items (district scope), as the server declares them. */
export type InboxRow = ItemListRow;
export type InboxPage = ItemListResponse;

/** The inbox's filters: the list's query, always with a page and its size. */
export type InboxFilters = Omit<ItemListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

/** A column sorted on the server; absent: the work queue (待接收, then 已接收, oldest first). */
export type InboxSortKey = NonNullable<ItemListQuery['sort']>;

/** What a bulk action did, row by row. */
export interface BulkOutcome {
  label: string;
  succeeded: InboxRow[];
  failed: { row: InboxRow; message: string }[];
  skipped: InboxRow[];
}

/** The columns the server sorts by (GET /api/items `sort`). */
export const SORT_KEYS: readonly InboxSortKey[] = ['submitted', 'unit', 'status', 'points'];

/** The states an item sent to the district can be in (the others stay inside the unit). */
export const DISTRICT_STATUSES: ItemStatus[] = ['submitted', 'received', 'adopted', 'not_adopted'];

export const DEFAULT_PAGE_SIZE = 20;

const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
const positive = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The filters a URL asks for (dashboard links use `?status=`); anything malformed is ignored. */
export function filtersFromUrl(params: URLSearchParams): InboxFilters {
  const status = params.get('status');
  const text = (name: string, max: number) => {
    const value = params.get(name)?.trim();
    return value ? value.slice(0, max) : undefined;
  };
  return {
    q: text('q', 50),
    status: status && status in ITEM_STATUSES ? (status as ItemStatus) : undefined,
    unitId: positive(params.get('unitId')),
    series: text('series', 20),
    category: text('category', 50),
    outlet: text('outlet', 20),
    from: isDate(params.get('from')) ? params.get('from')! : undefined,
    to: isDate(params.get('to')) ? params.get('to')! : undefined,
    ...sortFromUrl(params),
    page: positive(params.get('page')) ?? 1,
    pageSize: Math.min(100, positive(params.get('pageSize')) ?? DEFAULT_PAGE_SIZE),
  };
}

function sortFromUrl(params: URLSearchParams): Pick<InboxFilters, 'sort' | 'order'> {
  const sort = params.get('sort') as InboxSortKey | null;
  if (!sort || !SORT_KEYS.includes(sort)) return {};
  return { sort, order: params.get('order') === 'desc' ? 'desc' : 'asc' };
}

/** A table column's sort state from the filters, and back (antd's ascend / descend). */
export function sortOrderOf(filters: InboxFilters, key: InboxSortKey): 'ascend' | 'descend' | null {
  return filters.sort === key ? (filters.order === 'desc' ? 'descend' : 'ascend') : null;
}

export function sortFromTable(
  field: unknown,
  order: 'ascend' | 'descend' | null | undefined
): Pick<InboxFilters, 'sort' | 'order'> {
  const key = field as InboxSortKey;
  if (!order || !SORT_KEYS.includes(key)) return { sort: undefined, order: undefined };
  return { sort: key, order: order === 'descend' ? 'desc' : 'asc' };
}

/** States from which the editor adopts in one step (received on the way when still 待接收). */
export const ACCEPTABLE_STATUSES: readonly ItemStatus[] = ['submitted', 'received'];

/** The URL's search parameters for filters: defaults left out, so links stay short. */
export function filtersToUrl(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (
      value === undefined ||
      value === '' ||
      (name === 'page' && value === 1) ||
      (name === 'pageSize' && value === DEFAULT_PAGE_SIZE)
    )
      continue;
    params.set(name, String(value));
  }
  return params;
}

export function loadInbox(filters: InboxFilters, signal?: AbortSignal): Promise<InboxPage> {
  return http.get<InboxPage>(`/api/items${query({ ...filters })}`, { signal });
}

/** 导出Excel of every item the filters select (all pages: the page and its size are left out). */
export function exportUrl(filters: InboxFilters): string {
  const { page: _page, pageSize: _pageSize, ...rest } = filters;
  return `/api/items/export${query({ ...rest })}`;
}

/** Look-alike items for a page of rows; a failure only costs the warnings, so it stays quiet. */
export async function loadSimilar(ids: number[], signal?: AbortSignal): Promise<Record<string, SimilarItem[]>> {
  if (ids.length === 0) return {};
  const answer = await http.get<SimilarItemsBatchResponse>(`/api/items/similar${query({ ids: ids.join(',') })}`, {
    signal,
    quiet: true,
  });
  return answer.items;
}

export interface Segment {
  text: string;
  match: boolean;
}

/** The text cut where the searched words occur (case-insensitive), to mark them. */
export function highlightSegments(text: string, needle: string | undefined): Segment[] {
  const word = needle?.trim();
  if (!word) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const target = word.toLowerCase();
  const segments: Segment[] = [];
  let at = 0;
  for (let found = lower.indexOf(target); found !== -1; found = lower.indexOf(target, at)) {
    if (found > at) segments.push({ text: text.slice(at, found), match: false });
    segments.push({ text: text.slice(found, found + word.length), match: true });
    at = found + word.length;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), match: false });
  return segments;
}

/** A bulk action: the transition, the state it starts from, and whether it needs a reason. */
export const BULK_ACTIONS = {
  receive: { action: 'receive', from: 'submitted', label: '接收' },
  reject: { action: 'reject', from: 'received', label: '不予采用' },
} as const satisfies Record<string, { action: ItemAction; from: ItemStatus; label: string }>;
export type BulkKey = keyof typeof BULK_ACTIONS;

/** The selected rows the action applies to, and those it skips (in another state). */
export function splitSelection(rows: readonly InboxRow[], key: BulkKey): { eligible: InboxRow[]; skipped: InboxRow[] } {
  const from = BULK_ACTIONS[key].from;
  return { eligible: rows.filter((r) => r.status === from), skipped: rows.filter((r) => r.status !== from) };
}

/**
 * Runs the per-item transition for each row in turn (one at a time: the server writes each in its
 * own transaction) and collects what succeeded and why each failure failed, in Chinese.
 */
export async function runBulk(
  rows: readonly InboxRow[],
  transition: (row: InboxRow) => Promise<unknown>
): Promise<Pick<BulkOutcome, 'succeeded' | 'failed'>> {
  const succeeded: InboxRow[] = [];
  const failed: { row: InboxRow; message: string }[] = [];
  for (const row of rows) {
    try {
      await transition(row);
      succeeded.push(row);
    } catch (error) {
      failed.push({ row, message: error instanceof ApiError ? error.message : '请求失败，请稍后重试' });
    }
  }
  return { succeeded, failed };
}

export function transitionItem(row: InboxRow, action: ItemAction, comment?: string) {
  return http.post<TransitionResponse>(
    `/api/items/${row.id}/transitions`,
    { action, version: row.version, ...(comment ? { comment } : {}) },
    { quiet: true }
  );
}

/** One line that sums up a bulk action. */
export function bulkSummary(outcome: BulkOutcome): string {
  const parts = [`${outcome.label}：成功 ${outcome.succeeded.length} 篇`];
  if (outcome.failed.length) parts.push(`失败 ${outcome.failed.length} 篇`);
  if (outcome.skipped.length) parts.push(`跳过 ${outcome.skipped.length} 篇（状态不符）`);
  return parts.join('，');
}

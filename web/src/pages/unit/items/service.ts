/** 本单位稿件: the server-paginated list of the unit's items. */
import type { ItemStatus } from '@shared/item-fields';
import { ITEM_STATUSES } from '@shared/item-fields';
import { http, query } from '../../../http';
import type { ItemListPage as ItemPage } from '../../../lib/items';

export type { ItemPage };
export type { ItemListRow as ItemRow } from '../../../lib/items';

export interface ItemFilter {
  status?: ItemStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

export function listItems(filter: ItemFilter, signal?: AbortSignal): Promise<ItemPage> {
  return http.get<ItemPage>(
    `/api/items${query({ status: filter.status, q: filter.q?.trim(), page: filter.page, pageSize: filter.pageSize })}`,
    { signal }
  );
}

/** The `?status=` of a dashboard link, if it names a state. */
export function statusFromUrl(value: string | null): ItemStatus | undefined {
  return value !== null && value in ITEM_STATUSES ? (value as ItemStatus) : undefined;
}

/** The inbox's data: GET /api/items (district scope) and GET /api/items/similar. */
import type { ItemStatus } from '@shared/item-fields';

import type { ItemListRow as InboxRow } from '../../../lib/items';

export type { InboxRow };
export type { ItemListPage as InboxPage } from '../../../lib/items';

export interface InboxFilters {
  q?: string;
  status?: ItemStatus;
  unitId?: number;
  series?: string;
  category?: string;
  /** Adopted into this outlet. */
  outlet?: string;
  from?: string;
  to?: string;
  /** A column sorted on the server; absent: the work queue (待接收, then 已接收, oldest first). */
  sort?: InboxSortKey;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export type InboxSortKey = 'submitted' | 'unit' | 'status' | 'points';

export interface SimilarItem {
  id: number;
  ref: string;
  title: string;
  submitted: string;
  status: string;
  statusName: string;
  unit: { id: number; name: string };
  score: number;
  reason: 'title' | 'body';
}

export interface BulkOutcome {
  label: string;
  succeeded: InboxRow[];
  failed: { row: InboxRow; message: string }[];
  skipped: InboxRow[];
}

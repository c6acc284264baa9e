/** The inbox's data: GET /api/items (district scope) and GET /api/items/similar. */
import type { ItemStatus } from '@shared/item-fields';

export interface InboxRow {
  id: number;
  ref: string;
  title: string;
  status: ItemStatus;
  statusName: string;
  submitted: string;
  category: string | null;
  isPublic: boolean;
  isMajor: boolean;
  unit: { id: number; name: string; series: string };
  version: number;
}

export interface InboxPage {
  items: InboxRow[];
  total: number;
  page: number;
  pageSize: number;
}

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
  page: number;
  pageSize: number;
}

export interface SimilarItem {
  id: number;
  ref: string;
  title: string;
  submitted: string;
  status: string;
  statusName: string;
  unit: { id: number; name: string };
  score: number;
}

export interface BulkOutcome {
  label: string;
  succeeded: InboxRow[];
  failed: { row: InboxRow; message: string }[];
  skipped: InboxRow[];
}

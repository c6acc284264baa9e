/** A page of GET /api/items, as the unit's lists and the district's inbox read it. */
import type { ItemStatus } from '@shared/item-fields';

export interface ItemListRow {
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
  /** Points the item earned (its bookings). */
  points: number;
}

export interface ItemListPage {
  items: ItemListRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** A page of GET /api/items, as the unit's lists and the district's inbox read it: the server's declared answer. */
export type { ItemListRow, ItemListResponse as ItemListPage } from '@shared/api/items';

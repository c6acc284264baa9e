/** An item as GET /api/items/:id returns it: the types come from the route's response schema. */
import type { Static } from '@sinclair/typebox';
import type * as Api from '@shared/api/item-detail';

export type ItemDetail = Static<typeof Api.ItemDetail>;
export type ItemHistoryEntry = Static<typeof Api.ItemHistoryEntry>;
export type ItemAttachment = Static<typeof Api.ItemAttachment>;
export type ItemAdoption = Static<typeof Api.ItemAdoption>;
export type ItemInstruction = Static<typeof Api.ItemInstruction>;
export type ItemUpward = Static<typeof Api.ItemUpward>;
export type ItemResponse = Static<typeof Api.ItemResponse>;
export type ItemBooking = Static<typeof Api.ItemBooking>;

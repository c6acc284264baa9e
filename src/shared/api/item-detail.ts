/**
 * GET /api/items/:id — the item with everything its page shows. The server declares it as the
 * route's response (its serializer drops anything not listed) and the web page takes its type
 * from it, so a field the server may leave empty is nullable on the page too: imported ledger
 * items have no body, phone, signer or history.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ITEM_STATUSES, type ItemStatus } from '../item-fields.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = Type.String();

export const ItemHistoryEntry = Type.Object({
  at: Text,
  actor: Text,
  action: Text,
  fromStatus: Nullable(Text),
  toStatus: Nullable(Text),
  comment: Nullable(Text),
});
export const ItemAttachment = Type.Object({
  id: Type.Integer(),
  filename: Text,
  mediaType: Text,
  size: Type.Integer(),
  sha256: Text,
  createdAt: Text,
});
export const ItemAdoption = Type.Object({
  id: Type.Integer(),
  ref: Text,
  outlet: Text,
  kind: Nullable(Text),
  date: Text,
  issue: Nullable(Text),
  version: Type.Integer(),
});
export const ItemInstruction = Type.Object({
  id: Type.Integer(),
  ref: Text,
  level: Text,
  date: Text,
  leader: Nullable(Text),
  text: Nullable(Text),
});
export const ItemUpward = Type.Object({ id: Type.Integer(), ref: Text, level: Text, kind: Nullable(Text), date: Text });
export const ItemResponse = Type.Object({
  id: Type.Integer(),
  ref: Text,
  solicitation_id: Type.Integer(),
  title: Text,
  deadline: Text,
});
export const ItemBooking = Type.Object({
  date: Text,
  points: Type.Number(),
  rule: Text,
  record: Type.Object({ type: Text, id: Text }),
});

export const ItemDetail = Type.Object({
  id: Type.Integer(),
  ref: Text,
  version: Type.Integer(),
  status: Type.Unsafe<ItemStatus>(Type.String({ enum: Object.keys(ITEM_STATUSES) })),
  statusName: Text,
  title: Text,
  /** Null for ledger items, which record that an item was adopted, not its text. */
  body: Nullable(Text),
  category: Nullable(Text),
  reporter: Nullable(Text),
  signer: Nullable(Text),
  phone: Nullable(Text),
  isPublic: Type.Boolean(),
  source: Nullable(Text),
  isMajor: Type.Boolean(),
  paperCopyOn: Nullable(Text),
  submitted: Nullable(Text),
  sentAt: Nullable(Text),
  /** `ledger` (imported) or `web` (drafted in the system). */
  origin: Text,
  returnReason: Nullable(Text),
  rejectionReason: Nullable(Text),
  unit: Type.Object({ id: Type.Integer(), name: Text, series: Text }),
  history: Type.Array(ItemHistoryEntry),
  attachments: Type.Array(ItemAttachment),
  adoptions: Type.Array(ItemAdoption),
  instructions: Type.Array(ItemInstruction),
  upwards: Type.Array(ItemUpward),
  responses: Type.Array(ItemResponse),
  bookings: Type.Array(ItemBooking),
  points: Type.Number(),
});
export type ItemDetail = Static<typeof ItemDetail>;

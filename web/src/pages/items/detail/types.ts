/** An item as GET /api/items/:id returns it (src/server/routes/items/items.routes.ts, presentItem). */
import type { ItemStatus } from '@shared/item-fields';

export interface ItemHistoryEntry { at: string; actor: string; action: string; fromStatus: string | null; toStatus: string | null; comment: string | null }
export interface ItemAttachment { id: number; filename: string; mediaType: string; size: number; sha256: string; createdAt: string }
export interface ItemAdoption { id: number; ref: string; outlet: string; kind: string | null; date: string; issue: string | null; version: number }
export interface ItemInstruction { id: number; ref: string; level: string; date: string; leader: string | null; text: string | null }
export interface ItemUpward { id: number; ref: string; level: string; kind: string | null; date: string }
export interface ItemResponse { id: number; ref: string; solicitation_id: number; title: string; deadline: string }
export interface ItemBooking { date: string; points: number; rule: string; record: { type: string; id: string } }

export interface ItemDetail {
  id: number;
  ref: string;
  version: number;
  status: ItemStatus;
  statusName: string;
  title: string;
  body: string;
  category: string | null;
  reporter: string | null;
  signer: string | null;
  phone: string | null;
  isPublic: boolean;
  source: string | null;
  isMajor: boolean;
  paperCopyOn: string | null;
  submitted: string | null;
  sentAt: string | null;
  origin: string;
  returnReason: string | null;
  rejectionReason: string | null;
  unit: { id: number; name: string; series: string };
  history: ItemHistoryEntry[];
  attachments: ItemAttachment[];
  adoptions: ItemAdoption[];
  instructions: ItemInstruction[];
  upwards: ItemUpward[];
  responses: ItemResponse[];
  bookings: ItemBooking[];
  points: number;
}

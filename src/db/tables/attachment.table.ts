import type { Generated, Selectable } from 'kysely';

/** A Word/PDF/image attachment, stored in the database with its checked type and digest. */
export interface AttachmentTable {
  id: Generated<number>;
  item_id: number;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  created_by: number | null;
  created_at: string;
}

export type AttachmentRow = Selectable<AttachmentTable>;

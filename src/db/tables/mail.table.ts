import type { Generated, Selectable } from 'kysely';

/** The state of a message taken in: imported as an item, held in quarantine, or rejected by the editor. */
export type MailMessageStatus = 'imported' | 'quarantined' | 'rejected';

/** A mail message taken in (邮件报送), once: known by its content hash and Message-ID. */
export interface MailMessageTable {
  id: Generated<number>;
  sha256: string;
  /** The Message-ID header without its angle brackets, lower-cased; null when the message has none. */
  message_id: string | null;
  /** The `.eml` file's name as uploaded or given on the command line. */
  file_name: string;
  sender: string | null;
  subject: string | null;
  size: number;
  /** The raw message while in quarantine or rejected (an oversized one is not kept). */
  content: Uint8Array | null;
  status: string;
  /** Why it is in quarantine. */
  reason: string | null;
  item_id: number | null;
  unit_id: number | null;
  received_at: string;
  received_by: number | null;
  decided_at: string | null;
  decided_by: number | null;
  /** The editor's reason for a rejection. */
  decision_reason: string | null;
  version: Generated<number>;
}

export type MailMessageRow = Selectable<MailMessageTable>;

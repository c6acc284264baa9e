import type { Generated, Insertable, Selectable } from 'kysely';

/** 邮件通知发件箱: one e-mail to one person, sent in the background and kept. */
export interface MailOutboxTable {
  id: Generated<number>;
  recipient_email: string;
  recipient_name: string;
  /** The registration (信息员登记备案) the address was taken from. */
  contact_id: number | null;
  unit_id: number | null;
  /** A NotificationKind. */
  kind: string;
  subject: string;
  /** Plain text, without the page address (added when sent, from GOVINFO_PUBLIC_URL). */
  body: string;
  /** The page the message is about, e.g. `/unit/solicitations`. */
  link_path: string | null;
  /** Unique: the same event for the same person is enqueued once. */
  dedupe_key: string;
  created_at: string;
  /** pending, sent or failed (no more automatic tries). */
  status: string;
  attempts: Generated<number>;
  /** When the sender may take it next (also its lease while being sent). */
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
}

/** A kind of notification a registered person turned off. */
export interface ContactMailOptOutTable {
  contact_id: number;
  kind: string;
}

export type MailOutboxRow = Selectable<MailOutboxTable>;
export type NewMailOutboxRow = Insertable<MailOutboxTable>;

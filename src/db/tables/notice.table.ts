import type { Generated, Selectable } from 'kysely';

/** 信息工作通知: a draft until `posted_at` is set, then fixed (a correction is a new notice). */
export interface NoticeTable {
  id: Generated<number>;
  title: string;
  body: string;
  kind: string;
  audience: string;
  series_code: string | null;
  created_by: number;
  created_at: string;
  posted_by: number | null;
  posted_at: string | null;
}

/** A unit a posted notice reached (or, for chosen units, will reach), its confirmation and last reminder. */
export interface NoticeUnitTable {
  notice_id: number;
  unit_id: number;
  read_by: number | null;
  read_at: string | null;
  reminded_by: number | null;
  reminded_at: string | null;
}

export interface NoticeAttachmentTable {
  id: Generated<number>;
  notice_id: number;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  created_by: number | null;
  created_at: string;
}

/** One round of 提醒未读单位: when, by whom, how many units. */
export interface NoticeReminderTable {
  id: Generated<number>;
  notice_id: number;
  at: string;
  actor_id: number;
  unit_count: number;
}

export type NoticeRow = Selectable<NoticeTable>;
export type NoticeAttachmentRow = Selectable<NoticeAttachmentTable>;

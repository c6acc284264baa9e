import type { Generated, Selectable } from 'kysely';

/** The processing history of an item (处理记录): who moved it from which state to which, when, why. */
export interface ItemEventTable {
  id: Generated<number>;
  item_id: number;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
}

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

/** 信息员登记备案: a unit's 分管领导 (leader), 直接责任人 (director) or 信息员 (officer). */
export interface UnitContactTable {
  id: Generated<number>;
  unit_id: number;
  duty: string;
  name: string;
  post: string;
  office_phone: string | null;
  mobile: string | null;
  /** civil_servant (在编公务员), permanent (正式编制人员) or other. */
  staffing: string;
  /** The date the unit's written notice (书面告知) arrived. */
  notice_date: string | null;
  started_on: string;
  ended_on: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** 信息员培训. */
export interface TrainingTable {
  id: Generated<number>;
  date: string;
  title: string;
  organizer: string | null;
  notes: string | null;
  version: Generated<number>;
  created_at: string;
}

export interface TrainingAttendeeTable {
  id: Generated<number>;
  training_id: number;
  unit_id: number | null;
  name: string;
}

export type ItemEventRow = Selectable<ItemEventTable>;
export type AttachmentRow = Selectable<AttachmentTable>;
export type UnitContactRow = Selectable<UnitContactTable>;
export type TrainingRow = Selectable<TrainingTable>;

/** A quarter's results (《番府信息》工作通讯): prepared by the editor, published once an office leader approves. */
export interface ResultPublicationTable {
  id: Generated<number>;
  year: number;
  quarter: number;
  /** pending (awaiting approval), returned (to the editor, with a comment) or published. */
  status: string;
  as_of: string;
  /** The scores document as prepared, so what was published stays as it was. */
  snapshot: string;
  prepared_by: number;
  prepared_at: string;
  approved_by: number | null;
  approved_at: string | null;
  version: Generated<number>;
}

/** The history of a quarter's results: prepare, return (with the leader's comment), approve. */
export interface ResultEventTable {
  id: Generated<number>;
  publication_id: number;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  comment: string | null;
}

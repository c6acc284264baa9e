import type { Generated, Selectable } from 'kysely';

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
  /** The ledger id of a registration imported from a 信息员名册 (`contact` record); null when registered on the page. */
  ref: string | null;
  email: string | null;
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

export type UnitContactRow = Selectable<UnitContactTable>;
export type TrainingRow = Selectable<TrainingTable>;

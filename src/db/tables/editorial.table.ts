import type { Generated, Insertable, Selectable } from 'kysely';

/** 采用: an item adopted by an outlet of the district office. */
export interface AdoptionTable {
  id: Generated<number>;
  ref: string;
  item_id: number;
  outlet: string;
  kind: string | null;
  date: string;
  issue: string | null;
  version: Generated<number>;
}

/** 批示: a leader's instruction on an item, at district, city or province level. */
export interface InstructionTable {
  id: Generated<number>;
  ref: string;
  item_id: number;
  level: string;
  date: string;
  leader: string | null;
  text: string | null;
}

/** 上级采用: adoption of an item by the city or provincial government office. */
export interface UpwardTable {
  id: Generated<number>;
  ref: string;
  item_id: number;
  level: string;
  kind: string | null;
  date: string;
}

export type AdoptionRow = Selectable<AdoptionTable>;
export type NewAdoptionRow = Insertable<AdoptionTable>;
export type InstructionRow = Selectable<InstructionTable>;
export type NewInstructionRow = Insertable<InstructionTable>;
export type UpwardRow = Selectable<UpwardTable>;
export type NewUpwardRow = Insertable<UpwardTable>;

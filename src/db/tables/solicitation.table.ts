import type { Generated, Insertable, Selectable } from 'kysely';

/** 约稿: a solicitation with a deadline; `all_units` = 1 when it targets every unit. */
export interface SolicitationTable {
  id: Generated<number>;
  ref: string;
  issuer: string;
  title: string;
  deadline: string;
  all_units: number;
  requirements: string | null;
  created_at: string | null;
  version: Generated<number>;
}

/** The units a solicitation names (none when `all_units`). */
export interface SolicitationUnitTable {
  solicitation_id: number;
  unit_id: number;
}

/** An item answering a solicitation. */
export interface ResponseTable {
  id: Generated<number>;
  ref: string;
  solicitation_id: number;
  item_id: number;
}

export type SolicitationRow = Selectable<SolicitationTable>;
export type NewSolicitationRow = Insertable<SolicitationTable>;
export type ResponseRow = Selectable<ResponseTable>;
export type NewResponseRow = Insertable<ResponseTable>;

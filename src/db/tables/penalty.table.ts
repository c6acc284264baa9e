import type { Generated, Insertable, Selectable } from 'kysely';

/** 扣分: a manual deduction for a unit (late solicitation answer, criticism). */
export interface PenaltyTable {
  id: Generated<number>;
  ref: string;
  unit_id: number;
  reason: string;
  date: string;
  note: string | null;
}

export type PenaltyRow = Selectable<PenaltyTable>;
export type NewPenaltyRow = Insertable<PenaltyTable>;

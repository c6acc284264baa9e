/** 扣分记录 as GET /api/penalties returns them (services/solicitations/solicitations.ts listPenalties). */
export interface Penalty {
  id: number;
  ref: string;
  /** A code of the policy's penalties (late_solicitation, criticism). */
  reason: string;
  date: string;
  note: string | null;
  unit_id: number;
  unit: string;
}

export interface PenaltyInput {
  unitId: number;
  reason: string;
  date: string;
  note: string | null;
}

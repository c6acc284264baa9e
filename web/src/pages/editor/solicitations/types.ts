/** 约稿 as GET /api/solicitations returns them to the district office (services/solicitations/solicitations.ts). */

/** One target unit's standing: answered by the deadline, after it, not at all once it passed, or not yet. */
export type AnswerState = 'on_time' | 'late' | 'missing' | 'pending';

export interface Solicitation {
  id: number;
  ref: string;
  issuer: 'district' | 'city';
  title: string;
  requirements: string | null;
  deadline: string;
  allUnits: boolean;
  daysLeft: number;
  version: number;
  units: { id: number; name: string; state: AnswerState }[];
  counts: Record<AnswerState, number>;
}

/** How the editor names the units a solicitation targets. */
export type TargetMode = 'all' | 'series' | 'units';

export interface SolicitationInput {
  issuer: 'district' | 'city';
  title: string;
  requirements: string | null;
  deadline: string;
  /** Absent: every unit. */
  unitIds?: number[];
}

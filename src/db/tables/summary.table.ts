import type { Generated } from 'kysely';

/** A half-year (半年小结) or annual (年度总结) summary: drafted by the editor, approved by an office leader. */
export interface SummaryTable {
  id: Generated<number>;
  year: number;
  /** 'half' (上半年) or 'year'. */
  period: string;
  /** draft, pending, returned or approved. */
  status: string;
  /** JSON: series code → the analysis paragraph as edited. */
  paragraphs: string;
  /** JSON: the figures as submitted, and so as approved; null while a draft. */
  snapshot: string | null;
  drafted_by: number;
  updated_at: string;
  submitted_at: string | null;
  approved_by: number | null;
  approved_at: string | null;
  version: Generated<number>;
}

/** Every step of a summary: save, submit, return (with the leader's comment), approve. */
export interface SummaryEventTable {
  id: Generated<number>;
  summary_id: number;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  comment: string | null;
}

import type { ScoresDocument } from '../overview/types';

/** A quarter's results (GET /api/results): the scores frozen when prepared, published once approved. */
export interface Publication {
  id: number;
  year: number;
  quarter: number;
  /** pending approval, returned to the editor with a comment, or published. */
  status: 'pending' | 'returned' | 'published';
  /** The day the figures stand as of. */
  asOf: string;
  preparedAt: string;
  approvedAt: string | null;
  version: number;
  scores: ScoresDocument;
  /** The district office only: every step with its comments, and the comment of the last return. */
  history?: { at: string; actor: string; action: 'prepare' | 'resubmit' | 'return' | 'approve'; comment: string | null }[];
  returnComment?: string | null;
}

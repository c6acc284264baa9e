import type { ScoresDocument } from '../overview/types';

/** A quarter's results (GET /api/results): the scores frozen when prepared, published once approved. */
export interface Publication {
  id: number;
  year: number;
  quarter: number;
  status: 'pending' | 'published';
  /** The day the figures stand as of. */
  asOf: string;
  preparedAt: string;
  approvedAt: string | null;
  version: number;
  scores: ScoresDocument;
}

/**
 * The documents of the scores API, shared by the unit's progress page and the district's scores
 * pages: `scores --json` and `explain --json` of ledger-and-cli.md, served by GET /api/scores and
 * GET /api/scores/explain, as the server declares them.
 */
export type {
  ExplainedBooking,
  Explanation,
  QuarterAssessment,
  ScoresDocument,
  UnitAssessment,
} from '@shared/api/scores';

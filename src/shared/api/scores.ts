/**
 * GET /api/scores, /api/scores/explain and /api/scores/by-rule: the documents of `scores --json`
 * and `explain --json` (ledger-and-cli.md) and the points by rule. The server declares them as the
 * routes' answers (its serializer drops anything not listed); the pages take their types from here.
 */
import { Type, type Static } from '@sinclair/typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = (title: string) => Type.String({ title, pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const Period = {
  year: Type.Integer({ title: '考核年度', minimum: 2000, maximum: 2100 }),
  quarter: Type.Optional(Type.Integer({ title: '季度', minimum: 1, maximum: 4 })),
  asOf: Type.Optional(IsoDate('截至日期')),
};

/** GET /api/scores?year&quarter&asOf&series */
export const ScoresQuery = Type.Object(
  { ...Period, series: Type.Optional(Type.String({ title: '序列', maxLength: 20 })) },
  { additionalProperties: false }
);
export type ScoresQuery = Static<typeof ScoresQuery>;

/** GET /api/scores/by-rule?year&quarter&asOf */
export const ByRuleQuery = Type.Object({ ...Period }, { additionalProperties: false });
export type ByRuleQuery = Static<typeof ByRuleQuery>;

/** GET /api/scores/explain?unit&year&quarter&asOf */
export const ExplainQuery = Type.Object(
  { ...Period, unit: Type.String({ title: '单位', minLength: 1, maxLength: 50 }) },
  { additionalProperties: false }
);
export type ExplainQuery = Static<typeof ExplainQuery>;

/** One quarter of a unit's year; target, met and streak are null for a series assessed only by year (直报点). */
export const QuarterAssessment = Type.Object({
  quarter: Type.Integer(),
  points: Type.Number(),
  target: Nullable(Type.Number()),
  met: Nullable(Type.Boolean()),
  /** Consecutive failed quarters ending with this one, across years. */
  failed_streak: Nullable(Type.Integer()),
});
export type QuarterAssessment = Static<typeof QuarterAssessment>;

/** One unit's year (the domain's `UnitAssessment`). */
export const UnitAssessment = Type.Object({
  unit: Type.String(),
  series: Type.String(),
  quarters: Type.Array(QuarterAssessment),
  annual: Type.Object({ points: Type.Number(), target: Type.Number(), met: Type.Boolean() }),
  rank: Type.Integer(),
  all_quarters_met: Type.Boolean(),
});
export type UnitAssessment = Static<typeof UnitAssessment>;

/** GET /api/scores: `scores --json`. */
export const ScoresDocument = Type.Object({
  year: Type.Integer(),
  quarter: Type.Optional(Type.Integer()),
  policy: Type.String(),
  units: Type.Array(UnitAssessment),
});
export type ScoresDocument = Static<typeof ScoresDocument>;

/** One booking behind a unit's points, with the item's page it links to. */
export const ExplainedBooking = Type.Object({
  date: Type.String(),
  quarter: Type.Integer(),
  points: Type.Number(),
  rule: Type.String(),
  description: Type.String(),
  record: Type.Object({ type: Type.String(), id: Type.String() }),
  /** The item's ledger id, null for bookings without an item. */
  item: Nullable(Type.String()),
  itemId: Nullable(Type.Integer()),
  /** The item's title, for links (null for bookings without an item). */
  itemTitle: Nullable(Type.String()),
  policy: Type.String(),
});
export type ExplainedBooking = Static<typeof ExplainedBooking>;

/** GET /api/scores/explain: `explain --json` with item links. */
export const Explanation = Type.Object({
  unit: Type.String(),
  series: Type.String(),
  year: Type.Integer(),
  quarter: Type.Optional(Type.Integer()),
  points: Type.Number(),
  quarters: Type.Array(Type.Object({ quarter: Type.Integer(), points: Type.Number() })),
  bookings: Type.Array(ExplainedBooking),
});
export type Explanation = Static<typeof Explanation>;

/** Points of one series, quarter and booking rule. */
export const RuleTotal = Type.Object({
  series: Type.String(),
  quarter: Type.Integer(),
  /** The booking rule, e.g. `adoption:report:research`. */
  rule: Type.String(),
  /** The rule in words, by the policy in force at the quarter's end. */
  description: Type.String(),
  points: Type.Number(),
  bookings: Type.Integer(),
});
export type RuleTotal = Static<typeof RuleTotal>;

/** GET /api/scores/by-rule */
export const RuleTotalsDocument = Type.Object({
  year: Type.Integer(),
  quarter: Type.Optional(Type.Integer()),
  rows: Type.Array(RuleTotal),
});
export type RuleTotalsDocument = Static<typeof RuleTotalsDocument>;

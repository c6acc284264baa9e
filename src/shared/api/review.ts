/** Who reviews a unit's items, and units whose waiting items have no reviewer account. */
import { Type, type Static } from '@sinclair/typebox';

/** GET /api/units/mine/reviewers */
export const UnitReviewers = Type.Object({
  reviewers: Type.Array(Type.String()),
  principals: Type.Array(Type.String()),
  /** Who reviews a submitted item: the 分管领导, else the 主要领导, else nobody. */
  reviewedBy: Type.Union([Type.Literal('reviewer'), Type.Literal('principal'), Type.Null()]),
});
export type UnitReviewers = Static<typeof UnitReviewers>;

/** GET /api/units/without-reviewer: names and counts only, no content. */
export const UnitsWithoutReviewer = Type.Array(
  Type.Object({
    unitId: Type.Integer(),
    unit: Type.String(),
    waiting: Type.Integer(),
    since: Type.String(),
    hasPrincipal: Type.Boolean(),
  })
);
export type UnitsWithoutReviewer = Static<typeof UnitsWithoutReviewer>;

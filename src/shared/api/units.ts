/** Reporting units and the assessment series they belong to. */
import { Type, type Static } from '@sinclair/typebox';

/** POST /api/units */
export const UnitBody = Type.Object(
  {
    name: Type.String({ title: '单位名称', minLength: 2, maxLength: 50 }),
    seriesCode: Type.String({ title: '序列', minLength: 1, maxLength: 20 }),
  },
  { additionalProperties: false }
);
export type UnitBody = Static<typeof UnitBody>;

/** One row of GET /api/units: the unit, its series and the targets of the policy in force. */
export const Unit = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  /** Pinyin initials of the name, lower case (沙湾镇 → swz). */
  initials: Type.String(),
  series: Type.String(),
  seriesName: Type.Optional(Type.String()),
  version: Type.Integer(),
  quarterlyTarget: Type.Union([Type.Number(), Type.Null()]),
  annualTarget: Type.Union([Type.Number(), Type.Null()]),
});
export type Unit = Static<typeof Unit>;

export const UnitList = Type.Array(Unit);
export type UnitList = Static<typeof UnitList>;

/** POST /api/units: the new unit's id. */
export const CreatedUnit = Type.Object({ id: Type.Integer() });
export type CreatedUnit = Static<typeof CreatedUnit>;

/** One row of GET /api/series. */
export const Series = Type.Object({ code: Type.String(), name: Type.String() });
export type Series = Static<typeof Series>;

export const SeriesList = Type.Array(Series);
export type SeriesList = Static<typeof SeriesList>;

import type { Generated, Insertable, Selectable } from 'kysely';

/** 序列: a group of units sharing targets (镇街, 工作部门A/B类, 直报点). */
export interface SeriesTable {
  code: string;
  name: string;
  sort_order: number;
}

/** 报送单位: a reporting unit of the annex, identified in imports by its exact name. */
export interface UnitTable {
  id: Generated<number>;
  name: string;
  series_code: string;
  sort_order: number;
  version: Generated<number>;
}

export type SeriesRow = Selectable<SeriesTable>;
export type UnitRow = Selectable<UnitTable>;
export type NewUnitRow = Insertable<UnitTable>;

import type { Generated, Selectable } from 'kysely';

/** A follow-up on a unit (建议更换信息员), opened by a published bulletin. */
export interface UnitFollowUpTable {
  id: Generated<number>;
  unit_id: number;
  publication_id: number;
  /** `replace_officer`. */
  kind: string;
  /** The day the bulletin naming the unit was published. */
  opened_on: string;
  note: string;
  closed_at: string | null;
  closed_by: number | null;
  close_reason: string | null;
  version: Generated<number>;
}

export type UnitFollowUpRow = Selectable<UnitFollowUpTable>;

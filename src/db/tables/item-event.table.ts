import type { Generated, Selectable } from 'kysely';

/** The processing history of an item (处理记录): who moved it from which state to which, when, why. */
export interface ItemEventTable {
  id: Generated<number>;
  item_id: number;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
}

export type ItemEventRow = Selectable<ItemEventTable>;

import type { Generated, Insertable, Selectable } from 'kysely';

/** 信息稿件: one item a unit submits. `ref` is its ledger id, unique among items. */
export interface ItemTable {
  id: Generated<number>;
  ref: string;
  unit_id: number;
  title: string;
  submitted: string;
  body: string | null;
  category: string | null;
}

export type ItemRow = Selectable<ItemTable>;
export type NewItemRow = Insertable<ItemTable>;

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
  /** Workflow state (ITEM_STATUSES); ledger items arrive as received. */
  status: Generated<string>;
  /** `ledger` (imported) or `web` (drafted in the system). */
  origin: Generated<string>;
  /** 签发人 and 报送人. */
  signer: string | null;
  reporter: string | null;
  /** 公开属性: 1 公开, 0 不予公开 (never adopted by the public portal). */
  is_public: Generated<number>;
  phone: string | null;
  /** 来源, required when the item is outside the unit's own remit. */
  source: string | null;
  /** 重大问题和敏感类信息: signed by the principal leader, with a paper copy. */
  is_major: Generated<number>;
  paper_copy_on: string | null;
  return_reason: string | null;
  rejection_reason: string | null;
  /** When last sent to the district office; null while inside the unit (draft, review, returned). */
  sent_at: string | null;
  created_by: number | null;
  created_at: string | null;
  updated_at: string | null;
  version: Generated<number>;
}

export type ItemRow = Selectable<ItemTable>;
export type NewItemRow = Insertable<ItemTable>;

import type { Generated } from 'kysely';

/** A quarter's results (《番府信息》工作通讯): prepared by the editor, published once an office leader approves. */
export interface ResultPublicationTable {
  id: Generated<number>;
  year: number;
  quarter: number;
  /** pending (awaiting approval), returned (to the editor, with a comment) or published. */
  status: string;
  as_of: string;
  /** The scores document as prepared, so what was published stays as it was. */
  snapshot: string;
  prepared_by: number;
  prepared_at: string;
  approved_by: number | null;
  approved_at: string | null;
  version: Generated<number>;
  /** The editor's texts before and after the bulletin's tables (null: none written). */
  text_before: string | null;
  text_after: string | null;
  /** The bulletin document (`domain/bulletin.ts`) as published, JSON; null until published. */
  bulletin: string | null;
}

/** The history of a quarter's results: prepare, return (with the leader's comment), approve. */
export interface ResultEventTable {
  id: Generated<number>;
  publication_id: number;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  comment: string | null;
}

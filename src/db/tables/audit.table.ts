import type { Generated, Selectable } from 'kysely';

/**
 * One audit entry, chained to the previous by `hash = HMAC-SM3(key, prev_hash + entry)` (plain SM3
 * for entries written before the chain was keyed). Append-only.
 */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor: string;
  ip: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** The single row that serializes appends: the last entry's id and hash. */
export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
  /** The first entry hashed with the server key; null while an earlier version's chain is not yet sealed. */
  keyed_from: number | null;
}

export type AuditLogRow = Selectable<AuditLogTable>;

import { sm3Hex } from '../../security/crypto.js';
import { hmacSm3Hex } from '../../security/server-key.js';
import type { AuditLogRow } from '../../db/tables/audit.table.js';

/** An entry without its own hash: what the hash covers. */
export type UnhashedAuditEntry = Omit<AuditLogRow, 'hash'>;

/** The text an entry's hash covers: every field, and the previous entry's hash. */
export function auditHashInput(entry: UnhashedAuditEntry): string {
  return JSON.stringify([
    entry.id,
    entry.prev_hash,
    entry.at,
    entry.actor_id,
    entry.actor,
    entry.ip,
    entry.action,
    entry.object_type,
    entry.object_id,
    entry.outcome,
    entry.before,
    entry.after,
  ]);
}

/** The hash of an entry written since the chain was keyed: HMAC-SM3 under the server's audit key. */
export function keyedAuditHash(key: Buffer, entry: UnhashedAuditEntry): string {
  return hmacSm3Hex(key, auditHashInput(entry));
}

/**
 * The hash of an entry written before the chain was keyed: plain SM3, which anyone can
 * recompute. Such entries are trusted only because the first keyed entry covers their last hash.
 */
export function plainAuditHash(entry: UnhashedAuditEntry): string {
  return sm3Hex(auditHashInput(entry));
}

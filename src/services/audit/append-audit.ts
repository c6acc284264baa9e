import type { Db } from '../../db/database.js';
import { advanceAuditHead, insertAuditEntry } from '../../db/repositories/audit.repository.js';
import { serverKey } from '../../security/server-key.js';
import { keyedAuditHash, type UnhashedAuditEntry } from './audit-hash.js';

/** Who did something, and from where. */
export interface Actor {
  id: number | null;
  username: string;
  ip: string;
}

/** One event for the audit log: a login, a denied access, or a change with its before and after. */
export interface AuditEvent {
  action: string;
  objectType?: string;
  objectId?: string | number;
  outcome: 'ok' | 'denied' | 'failed';
  before?: unknown;
  after?: unknown;
}

/**
 * Text as the database stores it: a lone UTF-16 surrogate cannot be encoded in UTF-8, so both
 * engines store U+FFFD in its place. Hashing the text as stored keeps an entry verifiable when
 * it records what a client sent (a failed login's username with a lone surrogate broke the chain).
 */
const asStored = (text: string): string => text.replace(/[\ud800-\udfff]/gu, '\ufffd');

/**
 * Appends an entry chained to the previous one (hash = HMAC-SM3, under the server's key, of the
 * entry and the previous hash: whoever can write the database but not read the key file cannot
 * recompute the chain). Call it in the transaction of the change it records, so the change and
 * its record stand or fall together.
 */
export async function appendAudit(db: Db, actor: Actor, event: AuditEvent, at: Date): Promise<void> {
  // Taking the next id and writing the entry must not interleave with another append.
  if (!db.isTransaction) return db.transaction().execute((trx) => appendAudit(trx, actor, event, at));
  const { id, prevHash } = await advanceAuditHead(db);
  const entry: UnhashedAuditEntry = {
    id,
    at: at.toISOString(),
    actor_id: actor.id,
    actor: asStored(actor.username),
    ip: asStored(actor.ip),
    action: asStored(event.action),
    object_type: event.objectType === undefined ? null : asStored(event.objectType),
    object_id: event.objectId === undefined ? null : asStored(String(event.objectId)),
    outcome: event.outcome,
    before: event.before === undefined ? null : JSON.stringify(event.before),
    after: event.after === undefined ? null : JSON.stringify(event.after),
    prev_hash: prevHash,
  };
  await insertAuditEntry(db, { ...entry, hash: keyedAuditHash(serverKey().auditKey, entry) });
}

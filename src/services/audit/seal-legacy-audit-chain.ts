import type { Db } from '../../db/database.js';
import { lockAuditHead, readAuditHead } from '../../db/repositories/audit.repository.js';
import { appendAudit, type Actor } from './append-audit.js';
import { verifyAudit } from './verify-audit.js';

/** What sealing found: how many plain-SM3 entries the first keyed entry now covers, and whether they held. */
export interface LegacySeal {
  /** The entries written before the chain was keyed. */
  legacyEntries: number;
  /** The id of the keyed entry that records the seal. */
  sealedBy: number;
  /** Where the plain chain was already broken, if it was: sealing never mends it. */
  brokenAt?: number;
  reason?: string;
}

const SYSTEM: Actor = { id: null, username: 'system', ip: 'local' };

/** Seals recorded in this process, for the command line to report once. */
const recordedSeals: LegacySeal[] = [];

/**
 * Seals the plain-SM3 chain of an earlier version (`keyed_from` still NULL) under the server key:
 * appends one keyed entry, `seal_audit_chain`, whose hash covers the last plain hash, and marks
 * the chain keyed from it. The old entries keep their hashes (printed exports still match), and
 * verification still checks them as plain SM3, so a break among them stays visible for good; what
 * changes is that none of them can be rewritten any more without breaking the keyed entry.
 *
 * Safe to call on every open: a keyed chain is left alone, and two processes sealing at once
 * take the head lock in turn, the second finding the work done.
 */
export async function sealLegacyAuditChain(db: Db, now: Date): Promise<LegacySeal | undefined> {
  if ((await readAuditHead(db)).keyed_from !== null) return undefined;
  if (!db.isTransaction) {
    const seal = await db.transaction().execute((trx) => sealLegacyAuditChain(trx, now));
    if (seal) recordedSeals.push(seal);
    return seal;
  }
  const head = await lockAuditHead(db);
  if (head.keyed_from !== null) return undefined;
  const legacy = await verifyAudit(db);
  const broken = legacy.ok ? {} : { brokenAt: legacy.brokenAt, reason: legacy.reason };
  await appendAudit(
    db,
    SYSTEM,
    {
      action: 'seal_audit_chain',
      objectType: 'audit_log',
      outcome: 'ok',
      after: { legacyEntries: head.last_id, legacyLastHash: head.last_hash, intact: legacy.ok, ...broken },
    },
    now
  );
  return { legacyEntries: head.last_id, sealedBy: head.last_id + 1, ...broken };
}

/** The seals this process made since the last call (each reported once). */
export function takeRecordedSeals(): LegacySeal[] {
  return recordedSeals.splice(0);
}

import type { Db } from '../../db/database.js';
import { auditEntry } from '../../db/repositories/audit.repository.js';
import { safeEqual } from '../../security/crypto.js';
import { hmacSm3Hex, serverKey } from '../../security/server-key.js';
import { GENESIS_HASH, verifyAudit, type AuditVerification } from './verify-audit.js';

const FORMAT = 'govinfo-audit-anchor' as const;
const VERSION = 1 as const;

/**
 * The signed head of the audit chain (锚点), kept by the office away from the database server.
 * Whoever can rewrite the database can also delete its tail and rewind `audit_head`, which no
 * check inside the database can see; an anchor taken earlier still names the entry that must be
 * there, with the hash it must have, and only the key can sign one.
 */
export interface AuditAnchor {
  format: typeof FORMAT;
  version: typeof VERSION;
  /** How many entries the chain held. */
  entries: number;
  /** The last entry's id and hash. */
  lastId: number;
  lastHash: string;
  /** When the anchor was taken (ISO 8601, UTC). */
  at: string;
  /** HMAC-SM3 under the audit key over every field above. */
  signature: string;
}

/** An anchor file that cannot be used, in words an administrator can act on. */
export class AuditAnchorError extends Error {}

function signatureOf(key: Buffer, anchor: Omit<AuditAnchor, 'signature'>): string {
  // A leading string keeps this input apart from an entry's (which starts with its id).
  const fields = [anchor.format, anchor.version, anchor.entries, anchor.lastId, anchor.lastHash, anchor.at];
  return hmacSm3Hex(key, JSON.stringify(fields));
}

/**
 * Verifies the whole chain and signs its head. A broken chain gets no anchor: signing it would
 * vouch for the tampering.
 */
export async function takeAuditAnchor(
  db: Db,
  now: Date,
  key: Buffer = serverKey().auditKey
): Promise<{ ok: true; anchor: AuditAnchor } | { ok: false; verification: AuditVerification }> {
  const verification = await verifyAudit(db, key);
  if (!verification.ok) return { ok: false, verification };
  // Ids run 1..n in a verified chain, and entries are only ever added: entry n is the head verified.
  const lastId = verification.entries;
  const last = lastId === 0 ? { hash: GENESIS_HASH } : await auditEntry(db, lastId);
  if (!last) throw new Error(`audit entry ${lastId} vanished after verification`);
  const lastHash = last.hash;
  const unsigned = { format: FORMAT, version: VERSION, entries: lastId, lastId, lastHash, at: now.toISOString() };
  return { ok: true, anchor: { ...unsigned, signature: signatureOf(key, unsigned) } };
}

/** Reads an anchor document; throws AuditAnchorError when it is not one or its signature fails. */
export function parseAuditAnchor(text: string, key: Buffer = serverKey().auditKey): AuditAnchor {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AuditAnchorError('不是 JSON 文档');
  }
  const anchor = value as Partial<AuditAnchor> | null;
  const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (
    anchor === null ||
    typeof anchor !== 'object' ||
    anchor.format !== FORMAT ||
    anchor.version !== VERSION ||
    !isCount(anchor.entries) ||
    !isCount(anchor.lastId) ||
    typeof anchor.lastHash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(anchor.lastHash) ||
    typeof anchor.at !== 'string' ||
    typeof anchor.signature !== 'string'
  )
    throw new AuditAnchorError('不是本系统签发的审计日志锚点（缺少或无效的字段）');
  const checked = anchor as AuditAnchor;
  if (!safeEqual(signatureOf(key, checked), checked.signature))
    throw new AuditAnchorError('签名不符：文件被改动过，或不是用本系统的密钥文件签发的');
  if (checked.entries !== checked.lastId) throw new AuditAnchorError('条数与最后一条的编号不一致');
  return checked;
}

export type AnchorCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether the chain still holds the anchored entry with the anchored hash. With a verified chain
 * that means nothing up to it was rewritten (its hash covers every earlier one) and the chain
 * was not cut short before it.
 */
export async function checkAuditAnchor(db: Db, anchor: AuditAnchor): Promise<AnchorCheck> {
  if (anchor.lastId === 0) return { ok: true };
  const entry = await auditEntry(db, anchor.lastId);
  if (!entry) return { ok: false, reason: `锚点记录的第 ${anchor.lastId} 条已不在日志中：日志末尾的记录被删除` };
  if (entry.hash !== anchor.lastHash)
    return { ok: false, reason: `第 ${anchor.lastId} 条记录的哈希与锚点不符：该条或其之前的记录被改写` };
  return { ok: true };
}

import type { Db } from '../../db/database.js';
import { auditPage, readAuditHead } from '../../db/repositories/audit.repository.js';
import { serverKey } from '../../security/server-key.js';
import { keyedAuditHash, plainAuditHash } from './audit-hash.js';

export type AuditVerification =
  | {
      ok: true;
      entries: number;
      /** Entries written before the chain was keyed (plain SM3, sealed by the first keyed one); absent when none. */
      legacyEntries?: number;
    }
  | { ok: false; entries: number; brokenAt: number; reason: string };

export const GENESIS_HASH = '0'.repeat(64);

const PAGE = 5_000;

/**
 * Walks the chain from the first entry: each must follow the previous id, carry the previous
 * hash, and hash to its own — under the server's key from `keyed_from` on, plain SM3 before it
 * (an earlier version's entries, which the first keyed entry seals by covering their last hash).
 * The head must name the last. An altered row breaks its own hash, a removed one the sequence
 * or the next link, a removed tail the head; without the key none of them can be recomputed.
 * A tail removed together with a rewound head is found only against an anchor (audit-anchor.ts).
 */
export async function verifyAudit(db: Db, key: Buffer = serverKey().auditKey): Promise<AuditVerification> {
  const head = await readAuditHead(db);
  const keyedFrom = head.keyed_from ?? Number.POSITIVE_INFINITY;
  let previous = { id: 0, hash: GENESIS_HASH };
  let entries = 0;
  for (;;) {
    const page = await auditPage(db, previous.id, PAGE);
    for (const row of page) {
      entries++;
      if (row.id !== previous.id + 1)
        return {
          ok: false,
          entries,
          brokenAt: previous.id + 1,
          reason: `第 ${previous.id + 1} 条记录缺失（其后是第 ${row.id} 条）`,
        };
      if (row.prev_hash !== previous.hash)
        return { ok: false, entries, brokenAt: row.id, reason: `第 ${row.id} 条记录与前一条的链接不符` };
      const { hash, ...rest } = row;
      const isKeyed = row.id >= keyedFrom;
      if ((isKeyed ? keyedAuditHash(key, rest) : plainAuditHash(rest)) !== hash)
        return { ok: false, entries, brokenAt: row.id, reason: alteredReason(row.id, isKeyed, keyedFrom) };
      previous = { id: row.id, hash };
    }
    if (page.length < PAGE) break;
  }
  if (head.last_id !== previous.id || head.last_hash !== previous.hash) {
    return {
      ok: false,
      entries,
      brokenAt: previous.id + 1,
      reason: `日志末尾的记录被删除：应有 ${head.last_id} 条，实有 ${previous.id} 条`,
    };
  }
  const legacyEntries = Math.min(keyedFrom, previous.id + 1) - 1;
  return legacyEntries > 0 ? { ok: true, entries, legacyEntries } : { ok: true, entries };
}

function alteredReason(id: number, isKeyed: boolean, keyedFrom: number): string {
  if (!isKeyed) return `第 ${id} 条记录的内容被改动（SM3 校验值不符）`;
  // Every keyed entry fails under another key; the first is where that shows.
  const otherKey = id === keyedFrom ? '，或所用密钥文件不是写入日志时的那一个' : '';
  return `第 ${id} 条记录的内容被改动${otherKey}（HMAC-SM3 校验值不符）`;
}

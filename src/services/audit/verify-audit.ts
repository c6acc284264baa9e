import { sm3Hex } from '../../security/crypto.js';
import type { Db } from '../../db/database.js';
import { auditPage, readAuditHead } from '../../db/repositories/audit.repository.js';
import { auditHashInput } from './append-audit.js';

export type AuditVerification =
  { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

const GENESIS = '0'.repeat(64);

/**
 * Walks the chain from the first entry: each must follow the previous id, carry the previous
 * hash, and hash to its own; the head must name the last. An altered row breaks its own
 * hash, a removed one the sequence or the next link, a removed tail the head.
 */
export async function verifyAudit(db: Db): Promise<AuditVerification> {
  let previous = { id: 0, hash: GENESIS };
  let entries = 0;
  for (;;) {
    const page = await auditPage(db, previous.id, 5_000);
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
      if (sm3Hex(auditHashInput(rest)) !== hash)
        return { ok: false, entries, brokenAt: row.id, reason: `第 ${row.id} 条记录的内容被改动（SM3 校验值不符）` };
      previous = { id: row.id, hash };
    }
    if (page.length < 5_000) break;
  }
  const head = await readAuditHead(db);
  if (head.last_id !== previous.id || head.last_hash !== previous.hash) {
    return {
      ok: false,
      entries,
      brokenAt: previous.id + 1,
      reason: `日志末尾的记录被删除：应有 ${head.last_id} 条，实有 ${previous.id} 条`,
    };
  }
  return { ok: true, entries };
}

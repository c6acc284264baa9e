import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { AuditFilter } from '../../db/repositories/audit.repository.js';
import { appendAudit, type Actor } from './append-audit.js';
import { auditCsv, readAudit } from './read-audit.js';

/** Exports the entries a filter selects as CSV; the export itself is audited. */
export async function exportAudit(db: Kysely<Database>, actor: Actor, filter: AuditFilter, now: Date): Promise<string> {
  const { rows } = await readAudit(db, filter, 100_000, 0);
  await db
    .transaction()
    .execute((trx) =>
      appendAudit(
        trx,
        actor,
        { action: 'export_audit', objectType: 'audit_log', outcome: 'ok', after: { filter, rows: rows.length } },
        now
      )
    );
  return auditCsv(rows);
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { AuditFilter } from '../../db/repositories/audit.repository.js';
import { todayInChina } from '../../domain/dates.js';
import { writeWorkbook } from '../../files/xlsx-workbook.js';
import { AuditQuery } from '../../shared/api/audit.js';
import { EXPORT_MAX_ROWS, filterDescription, rowCountNote, type ExportedWorkbook } from '../exports/export-workbook.js';
import { appendAudit, type Actor } from './append-audit.js';
import { AUDIT_EXPORT_HEADER, auditCsv, auditRowValues, readAudit } from './read-audit.js';

/** Every export of the log is itself an entry of it: who took which entries out, and in what form. */
async function auditExport(
  db: Kysely<Database>,
  actor: Actor,
  filter: AuditFilter,
  rows: number,
  now: Date,
  format?: 'xlsx'
) {
  await db.transaction().execute((trx) =>
    appendAudit(
      trx,
      actor,
      {
        action: 'export_audit',
        objectType: 'audit_log',
        outcome: 'ok',
        after: format ? { filter, rows, format } : { filter, rows },
      },
      now
    )
  );
}

/** Exports the entries a filter selects as CSV; the export itself is audited. */
export async function exportAudit(db: Kysely<Database>, actor: Actor, filter: AuditFilter, now: Date): Promise<string> {
  const { rows } = await readAudit(db, filter, 100_000, 0);
  await auditExport(db, actor, filter, rows.length, now);
  return auditCsv(rows);
}

/** The same entries as an `.xlsx` workbook (导出Excel), at most EXPORT_MAX_ROWS of them; audited like the CSV. */
export async function exportAuditWorkbook(
  db: Kysely<Database>,
  actor: Actor,
  query: AuditQuery,
  now: Date
): Promise<ExportedWorkbook> {
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  const { rows, total } = await readAudit(db, filter, EXPORT_MAX_ROWS, 0);
  await auditExport(db, actor, filter, rows.length, now, 'xlsx');
  const bytes = await writeWorkbook(
    [{ name: '审计日志', columns: AUDIT_EXPORT_HEADER.map((header) => ({ header })), rows: rows.map(auditRowValues) }],
    { title: '审计日志', description: `${filterDescription(AuditQuery, filter)}；${rowCountNote(total, rows.length)}` }
  );
  return { filename: `审计日志_${todayInChina(now)}`, bytes };
}

/**
 * The audit log as people read it: each entry with the names behind its ids — who acted (display
 * name and unit) and what it was about (an account, a unit, an item) — and its Chinese labels.
 * The stored entries stay as chained; names are looked up as they are now.
 */
import { accountNames, itemTitles, searchAudit, type AuditFilter } from '../../db/repositories/audit.repository.js';
import { listUnits } from '../../db/repositories/unit.repository.js';
import type { Db } from '../../db/database.js';
import type { AuditLogRow } from '../../db/tables/audit.table.js';
import { auditActionLabel, auditObjectTypeLabel, auditOutcomeLabel, beijingTime } from '../../domain/audit-labels.js';

export interface NamedAuditEntry extends AuditLogRow {
  /** The actor's display name, null for a failed login under an unknown user name. */
  actor_name: string | null;
  actor_unit: string | null;
  /** The name of the account, unit or item the entry is about, where it has one. */
  object_name: string | null;
  action_label: string;
  outcome_label: string;
  object_type_label: string;
}

export async function readAudit(
  db: Db,
  filter: AuditFilter,
  limit: number,
  offset: number
): Promise<{ rows: NamedAuditEntry[]; total: number }> {
  const { rows, total } = await searchAudit(db, filter, limit, offset);
  const idsOf = (type: string) => [
    ...new Set(
      rows.filter((r) => r.object_type === type && /^\d+$/.test(r.object_id ?? '')).map((r) => Number(r.object_id))
    ),
  ];
  const userIds = [...new Set([...rows.flatMap((r) => (r.actor_id === null ? [] : [r.actor_id])), ...idsOf('user')])];
  const [accounts, items, units] = await Promise.all([
    accountNames(db, userIds),
    itemTitles(db, idsOf('item')),
    listUnits(db),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const account = new Map(accounts.map((a) => [a.id, a]));
  const itemTitle = new Map(items.map((i) => [i.id, i.title]));
  const objectName = (row: AuditLogRow): string | null => {
    const id = Number(row.object_id);
    if (row.object_type === 'user') {
      const a = account.get(id);
      return a ? `${a.display_name}${a.unit_id ? `（${unitName.get(a.unit_id) ?? ''}）` : ''}` : null;
    }
    if (row.object_type === 'unit') return unitName.get(id) ?? null;
    if (row.object_type === 'item') return itemTitle.get(id) ?? null;
    return null;
  };
  return {
    total,
    rows: rows.map((row) => {
      const actor = row.actor_id === null ? undefined : account.get(row.actor_id);
      return {
        ...row,
        actor_name: actor?.display_name ?? null,
        actor_unit: actor?.unit_id ? (unitName.get(actor.unit_id) ?? null) : null,
        object_name: objectName(row),
        action_label: auditActionLabel(row.action),
        outcome_label: auditOutcomeLabel(row.outcome),
        object_type_label: auditObjectTypeLabel(row.object_type),
      };
    }),
  };
}

/** The export's column titles: the page's, and the names, labels and hashes behind them. */
export const AUDIT_EXPORT_HEADER = [
  '编号',
  '时间（北京时间）',
  '操作人',
  '用户名',
  '所属单位',
  '来源地址',
  '操作',
  '对象类型',
  '对象编号',
  '对象名称',
  '结果',
  '变更前',
  '变更后',
  '前一条哈希',
  '哈希',
];

const csvCell = (value: unknown) => {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- audit values are JSON scalars.
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would be a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The export: the page's columns and labels, Beijing time with its offset, UTF-8 with a BOM for Excel. */
export function auditCsv(rows: readonly NamedAuditEntry[]): string {
  const lines = rows.map((r) => auditRowValues(r).map(csvCell).join(','));
  return `\uFEFF${[AUDIT_EXPORT_HEADER.join(','), ...lines].join('\r\n')}\r\n`;
}

/** One entry as the export's cells, in the order of AUDIT_EXPORT_HEADER (CSV and 导出Excel alike). */
export function auditRowValues(r: NamedAuditEntry): (string | number | null)[] {
  return [
    r.id,
    beijingTime(r.at),
    r.actor_name ?? r.actor,
    r.actor,
    r.actor_unit,
    r.ip,
    r.action_label,
    r.object_type_label,
    r.object_id,
    r.object_name,
    r.outcome_label,
    r.before,
    r.after,
    r.prev_hash,
    r.hash,
  ];
}

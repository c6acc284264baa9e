/** 审计日志: the filters as the API's query, and the API calls. */
import { AUDIT_ACTION_CODES, AUDIT_OUTCOMES, auditActionLabel } from '@domain/audit-labels';
export { beijingTime } from '@domain/audit-labels';
import type { AuditEntry, AuditPage, AuditVerification } from '@shared/api/audit';
import { http, query } from '../../../http';

export interface AuditFilters {
  actor?: string;
  action?: string;
  outcome?: string;
  /** Dates (YYYY-MM-DD) in China time, both included. */
  from?: string;
  to?: string;
}

/** The outcome's colour on the page; its Chinese label is the server's and the export's (audit-labels). */
export const OUTCOME_COLORS: Record<string, string> = { ok: 'green', denied: 'red', failed: 'orange' };

export const OUTCOME_OPTIONS = Object.entries(AUDIT_OUTCOMES).map(([value, label]) => ({ value, label }));

/** Every action the filter offers, by its Chinese name. */
export const ACTION_OPTIONS = AUDIT_ACTION_CODES.map((value) => ({ value, label: auditActionLabel(value) }));

/** Who acted, as people know them: 张三（沙湾镇）; the user name alone for an unknown one. */
export function actorLabel(entry: Pick<AuditEntry, 'actor' | 'actor_name' | 'actor_unit'>): string {
  if (!entry.actor_name) return entry.actor;
  return `${entry.actor_name}${entry.actor_unit ? `（${entry.actor_unit}）` : ''}`;
}

/** What an entry is about: 稿件《标题》, 账号 张三, or the kind and number where there is no name. */
export function objectLabel(
  entry: Pick<AuditEntry, 'object_type' | 'object_type_label' | 'object_id' | 'object_name'>
): string {
  if (!entry.object_type) return '—';
  if (entry.object_name)
    return entry.object_type === 'item'
      ? `${entry.object_type_label}《${entry.object_name}》`
      : `${entry.object_type_label} ${entry.object_name}`;
  return `${entry.object_type_label}${entry.object_id ? ` #${entry.object_id}` : ''}`;
}

/** The start and end of China-time days as the instants the log stores (UTC ISO). */
export function auditQuery(filters: AuditFilters, page: number, pageSize: number) {
  return {
    actor: filters.actor?.trim(),
    action: filters.action,
    outcome: filters.outcome,
    from: filters.from ? new Date(`${filters.from}T00:00:00.000+08:00`).toISOString() : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999+08:00`).toISOString() : undefined,
    page,
    pageSize,
  };
}

/** A stored before/after JSON text, indented for reading; text that is not JSON is shown as it is. */
export function prettyJson(text: string | null): string {
  if (text === null) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export const loadAudit = (filters: AuditFilters, page: number, pageSize: number, signal: AbortSignal) =>
  http.get<AuditPage>(`/api/audit${query(auditQuery(filters, page, pageSize))}`, { signal });

export const verifyAudit = () => http.get<AuditVerification>('/api/audit/verify', { quiet: true });

export const exportUrl = (filters: AuditFilters, format: 'csv' | 'xlsx' = 'csv') => {
  const { page: _page, pageSize: _size, ...rest } = auditQuery(filters, 1, 1);
  return `/api/audit/export${format === 'xlsx' ? '.xlsx' : ''}${query(rest)}`;
};

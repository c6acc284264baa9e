/** 隔离区: the page's API calls. */
import type { QuarantineImported, QuarantinePage } from '@shared/api/mail';
import { http, query } from '../../../http';

export type QuarantineStatus = 'quarantined' | 'rejected';

export function loadQuarantine(status: QuarantineStatus, page: number, signal: AbortSignal): Promise<QuarantinePage> {
  return http.get<QuarantinePage>(`/api/mail/quarantine${query({ status, page, pageSize: 20 })}`, { signal });
}

export function importMessage(id: number, version: number, unitId: number): Promise<QuarantineImported> {
  return http.post<QuarantineImported>(`/api/mail/quarantine/${id}/import`, { version, unitId });
}

export function rejectMessage(id: number, version: number, reason: string): Promise<{ ok: boolean }> {
  return http.post<{ ok: boolean }>(`/api/mail/quarantine/${id}/reject`, { version, reason });
}

/** A size people read: 12.3 KB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 隔离区: the page's API calls. */
import type { IntakeResult, MailboxStatus, QuarantineImported, QuarantinePage } from '@shared/api/mail';
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

export function loadMailboxStatus(signal: AbortSignal): Promise<MailboxStatus> {
  return http.get<MailboxStatus>('/api/mail/mailbox-status', { signal });
}

/** 立即收取: polls the mailbox now; answers what became of each message. */
export function pollMailboxNow(): Promise<IntakeResult> {
  return http.post<IntakeResult>('/api/mail/poll', {});
}

/**
 * The line above the quarantine: which mailbox is polled how often, and what the last poll did
 * or why it failed (`isError`). Null when no mailbox is configured.
 */
export function mailboxStatusLine(
  status: MailboxStatus,
  formatTime: (iso: string) => string
): { text: string; isError: boolean } | null {
  if (!status.configured) return null;
  const head = `邮箱 ${status.mailbox} 每 ${status.intervalSeconds} 秒收取一次`;
  const last = status.last;
  if (!last) return { text: `${head}；尚未收取`, isError: false };
  const when = `上次收取 ${formatTime(last.at)}`;
  if (last.error) return { text: `${head}；${when}失败：${last.error}`, isError: true };
  const duplicates = last.duplicates > 0 ? `，重复跳过 ${last.duplicates} 封` : '';
  return {
    text: `${head}；${when}，导入 ${last.accepted} 封，隔离 ${last.quarantined} 封${duplicates}`,
    isError: false,
  };
}

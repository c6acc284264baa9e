/** 邮件发送: the page's API calls. */
import type { OutboxPage } from '@shared/api/outbox';
import { http, query } from '../../../http';

export type OutboxFilter = 'all' | 'pending' | 'sent' | 'failed';

export function loadOutbox(filter: OutboxFilter, page: number, signal: AbortSignal): Promise<OutboxPage> {
  return http.get<OutboxPage>(
    `/api/admin/outbox${query({ status: filter === 'all' ? undefined : filter, page, pageSize: 20 })}`,
    { signal }
  );
}

export function retryMessage(id: number): Promise<{ ok: boolean }> {
  return http.post<{ ok: boolean }>(`/api/admin/outbox/${id}/retry`, {});
}

/** 约稿 addressed to my unit: the list, answering with an item, and the countdown to each deadline. */
import { http, query } from '../../../http';
import type { AnswerState } from '@domain/solicitation-answers';
import type { CreatedRecord, UnitSolicitation } from '@shared/api/solicitations';
import type { ItemPage } from '../items/service';

export type { AnswerState } from '@domain/solicitation-answers';
/** A solicitation addressed to my unit, with my unit's state and the items answering it. */
export type { UnitSolicitation };

export const ISSUERS: Record<string, string> = { district: '区政府办公室', city: '市政府办公厅' };

export const ANSWER_STATES: Record<AnswerState, { label: string; color: string }> = {
  on_time: { label: '已按时报送', color: 'success' },
  late: { label: '逾期报送', color: 'warning' },
  missing: { label: '逾期未报送', color: 'error' },
  pending: { label: '待报送', color: 'processing' },
};

export function listSolicitations(signal?: AbortSignal): Promise<UnitSolicitation[]> {
  return http.get<UnitSolicitation[]>('/api/solicitations', { signal });
}

export function answer(solicitationId: number, itemId: number) {
  return http.post<CreatedRecord>(`/api/solicitations/${solicitationId}/responses`, { itemId }, { quiet: true });
}

export function searchUnitItems(q: string, signal?: AbortSignal): Promise<ItemPage> {
  return http.get<ItemPage>(`/api/items${query({ q: q.trim() || undefined, pageSize: 20 })}`, { signal, quiet: true });
}

/** The moment a deadline passes: the end of its day in China time (an item sent that day is on time). */
export function deadlineEnd(deadline: string): number {
  return Date.parse(`${deadline}T00:00:00+08:00`) + 86_400_000;
}

export interface Countdown {
  text: string;
  /** Three days or less left. */
  urgent: boolean;
  over: boolean;
}

const URGENT_MS = 3 * 86_400_000;

/** 还剩 2 天 5 小时 / 还剩 3 小时 / 已截止, red when three days or less are left. */
export function countdown(deadline: string, now: number): Countdown {
  const left = deadlineEnd(deadline) - now;
  if (left <= 0) return { text: '已截止', urgent: false, over: true };
  const days = Math.floor(left / 86_400_000);
  const hours = Math.floor((left % 86_400_000) / 3_600_000);
  const minutes = Math.floor((left % 3_600_000) / 60_000);
  const text =
    days > 0
      ? `还剩 ${days} 天 ${hours} 小时`
      : hours > 0
        ? `还剩 ${hours} 小时 ${minutes} 分`
        : `还剩 ${Math.max(1, minutes)} 分钟`;
  return { text, urgent: left <= URGENT_MS, over: false };
}

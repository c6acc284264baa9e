/** API calls of 季度通报 and the rules of its preparation form. */
import { quarterOf, yearOf } from '@domain/dates';
import { http } from '../../../http';
import type { BulletinTextsSaved, PreparedPublication, ResultsOk } from '@shared/api/results';
import type { Publication } from './types';

export function loadPublications(signal?: AbortSignal): Promise<Publication[]> {
  return http.get<Publication[]>('/api/results', { signal });
}

export function preparePublication(year: number, quarter: number): Promise<PreparedPublication> {
  return http.post<PreparedPublication>('/api/results', { year, quarter }, { quiet: true });
}

export function approvePublication(id: number, version: number): Promise<ResultsOk> {
  return http.post<ResultsOk>(`/api/results/${id}/approve`, { version });
}

export function returnPublication(id: number, version: number, comment: string): Promise<ResultsOk> {
  return http.post<ResultsOk>(`/api/results/${id}/return`, { version, comment });
}

export const PUBLICATION_STATUS: Record<Publication['status'], { label: string; color: string }> = {
  pending: { label: '待审批', color: 'warning' },
  returned: { label: '已退回修改', color: 'error' },
  published: { label: '已发布', color: 'success' },
};

export const RESULT_ACTIONS: Record<string, string> = {
  prepare: '调研科编制',
  resubmit: '调研科重新编制并提交',
  return: '办公室领导退回修改',
  approve: '办公室领导审批发布',
};

/** 2026 年第一季度 */
export function periodTitle(year: number, quarter: number): string {
  return `${year} 年第${'一二三四'[quarter - 1]}季度`;
}

/** Why a quarter cannot be prepared yet, or undefined when it can (the server checks again). */
export function quarterNotStarted(year: number, quarter: number, today: string): string | undefined {
  const thisYear = yearOf(today);
  if (year > thisYear || (year === thisYear && quarter > quarterOf(today))) return '该季度尚未开始，不能编制考核结果';
  return undefined;
}

/**
 * The quarter to prepare by default: in a quarter's first month the one just ended, unless it has
 * results already; otherwise the current one.
 */
export function defaultQuarter(
  today: string,
  publications: readonly { year: number; quarter: number }[]
): { year: number; quarter: number } {
  const year = yearOf(today);
  const quarter = quarterOf(today);
  const previous = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
  const firstMonth = Number(today.slice(5, 7)) === quarter * 3 - 2;
  const done = publications.some((p) => p.year === previous.year && p.quarter === previous.quarter);
  return firstMonth && !done ? previous : { year, quarter };
}

/** A stored timestamp in China time, to the minute. */
export function chinaDateTime(iso: string | null): string {
  if (!iso) return '—';
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A calendar date as an official notice writes it: 2026年9月30日. */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The bulletin's download address: the published original, or the district office's preview of a draft. */
export function bulletinUrl(id: number, format: 'docx' | 'pdf' | 'xlsx'): string {
  return `/api/results/${id}/document?format=${format}`;
}

export const BULLETIN_FORMATS = [
  { format: 'docx', label: 'Word' },
  { format: 'pdf', label: 'PDF' },
  { format: 'xlsx', label: 'Excel' },
] as const;

export function saveBulletinTexts(
  id: number,
  version: number,
  textBefore: string,
  textAfter: string
): Promise<BulletinTextsSaved> {
  return http.put<BulletinTextsSaved>(`/api/results/${id}/texts`, { version, textBefore, textAfter }, { quiet: true });
}

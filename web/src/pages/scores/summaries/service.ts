/** API calls of the 工作总结 page (半年小结、年度总结) and the pure logic behind its tables and buttons. */
import type { Role } from '@shared/roles';
import type { SavedSummary, SummaryStatus, SummaryView } from '@shared/api/summaries';
import { http, query } from '../../../http';

export type { SummaryView, SummaryStatus } from '@shared/api/summaries';

/** 1: 上半年小结; null: 年度总结. */
export type SummaryHalf = 1 | null;

export function loadSummary(year: number, half: SummaryHalf, signal?: AbortSignal): Promise<SummaryView> {
  return http.get<SummaryView>(`/api/summaries${query({ year, half })}`, { signal });
}

export function saveSummary(
  year: number,
  half: SummaryHalf,
  version: number | null,
  paragraphs: { series: string; text: string }[]
): Promise<SavedSummary> {
  return http.put<SavedSummary>('/api/summaries', {
    year,
    ...(half ? { half } : {}),
    ...(version ? { version } : {}),
    paragraphs,
  });
}

export const submitSummary = (id: number, version: number) => http.post(`/api/summaries/${id}/submit`, { version });
export const approveSummary = (id: number, version: number) => http.post(`/api/summaries/${id}/approve`, { version });
export const returnSummary = (id: number, version: number, comment: string) =>
  http.post(`/api/summaries/${id}/return`, { version, comment });

export type DownloadFormat = 'docx' | 'pdf' | 'xlsx';

export function documentUrl(year: number, half: SummaryHalf, format: DownloadFormat): string {
  return `/api/summaries/document${query({ year, half, format })}`;
}

export const SUMMARY_STATUS: Record<SummaryStatus, { label: string; color: string }> = {
  none: { label: '未编辑', color: 'default' },
  draft: { label: '草稿', color: 'blue' },
  pending: { label: '待领导审批', color: 'orange' },
  returned: { label: '已退回修改', color: 'red' },
  approved: { label: '已审批通过', color: 'green' },
};

export const SUMMARY_ACTIONS: Record<SummaryView['history'][number]['action'], string> = {
  save: '保存分析段落',
  submit: '提交审批',
  resubmit: '修改后重新提交',
  return: '退回修改',
  approve: '审批通过',
};

/** Whether the editor may still change the paragraphs (before submission, or after a return). */
export function editable(status: SummaryStatus, role: Role): boolean {
  return role === 'editor' && (status === 'none' || status === 'draft' || status === 'returned');
}

/** The paragraphs that differ from what is stored, to save. */
export function changedParagraphs(
  view: SummaryView,
  texts: Record<string, string>
): { series: string; text: string }[] {
  return view.paragraphs
    .filter((p) => (texts[p.series] ?? p.text).trim() !== p.text || view.status === 'none')
    .map((p) => ({ series: p.series, text: (texts[p.series] ?? p.text).trim() }))
    .filter((p) => p.text.length > 0);
}

/** +12 / −3 / 0. */
export function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0';
}

/** +12.5% / −3% / —. */
export function percent(rate: number | null): string {
  if (rate === null) return '—';
  return rate > 0 ? `+${rate}%` : rate < 0 ? `−${-rate}%` : '0%';
}

/** A stored time (UTC ISO) as China Standard Time, e.g. 2026-03-20 09:00. */
export function chinaDateTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(Date.parse(iso) + 8 * 3_600_000);
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** The summaries one can pick: years from the earliest policy's to this one, newest first. */
export function summaryYears(firstYear: number, thisYear: number): number[] {
  const years: number[] = [];
  for (let year = thisYear; year >= Math.min(firstYear, thisYear); year--) years.push(year);
  return years;
}

/** API calls of 刊物编辑 and the issue editor, and the labels of an issue's states and steps. */
import type {
  CandidateItem,
  CreatedIssue,
  CreatedPeriodical,
  IssueBody,
  IssueDetail,
  IssueOk,
  IssueStatus,
  IssueSummary,
  NewIssueBody,
  NextNumber,
  Periodical,
  PeriodicalBody,
  PeriodicalOk,
  PeriodicalUpdateBody,
  PublishResult,
} from '@shared/api/periodicals';
import { http, query } from '../../../http';

export function loadPeriodicals(signal?: AbortSignal): Promise<Periodical[]> {
  return http.get<Periodical[]>('/api/periodicals', { signal });
}

/** 刊物设置 → 新增刊物 (the form shows the refusal itself). */
export function createPeriodical(body: PeriodicalBody): Promise<CreatedPeriodical> {
  return http.post<CreatedPeriodical>('/api/periodicals', body, { quiet: true });
}

/** 刊物设置 → 编辑: every field as it is to be, with the version read. */
export function updatePeriodical(id: number, body: PeriodicalUpdateBody): Promise<PeriodicalOk> {
  return http.put<PeriodicalOk>(`/api/periodicals/${id}`, body, { quiet: true });
}

export function loadIssues(periodicalId: number, signal?: AbortSignal): Promise<IssueSummary[]> {
  return http.get<IssueSummary[]>(`/api/periodicals/issues${query({ periodicalId })}`, { signal });
}

export function loadNextNumber(periodicalId: number, year: number): Promise<NextNumber> {
  return http.get<NextNumber>(`/api/periodicals/${periodicalId}/next-number${query({ year })}`);
}

export function createIssue(body: NewIssueBody): Promise<CreatedIssue> {
  return http.post<CreatedIssue>('/api/periodicals/issues', body, { quiet: true });
}

export function loadIssue(id: number, signal?: AbortSignal): Promise<IssueDetail> {
  return http.get<IssueDetail>(`/api/periodicals/issues/${id}`, { signal });
}

export function loadCandidates(q: string, signal?: AbortSignal): Promise<CandidateItem[]> {
  return http.get<CandidateItem[]>(`/api/periodicals/candidates${query({ q })}`, { signal });
}

export function saveIssue(id: number, body: IssueBody): Promise<IssueOk> {
  return http.put<IssueOk>(`/api/periodicals/issues/${id}`, body, { quiet: true });
}

export type IssueStep = 'submit' | 'approve' | 'return' | 'withdraw';

export function takeStep(id: number, step: IssueStep, version: number, comment?: string): Promise<IssueOk> {
  return http.post<IssueOk>(`/api/periodicals/issues/${id}/${step}`, {
    version,
    ...(comment ? { comment } : {}),
  });
}

export function publishIssue(id: number, version: number): Promise<PublishResult> {
  return http.post<PublishResult>(`/api/periodicals/issues/${id}/publish`, { version });
}

export function documentUrl(id: number, format: 'docx' | 'pdf'): string {
  return `/api/periodicals/issues/${id}/document${query({ format })}`;
}

export const ISSUE_STATUS: Record<IssueStatus, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  submitted: { label: '待领导审批', color: 'processing' },
  returned: { label: '已退回修改', color: 'error' },
  approved: { label: '已审批待发布', color: 'warning' },
  published: { label: '已发布', color: 'success' },
  withdrawn: { label: '已撤回', color: 'default' },
};

export const ISSUE_ACTIONS: Record<string, string> = {
  create: '调研科新建',
  save: '调研科修改',
  submit: '送办公室领导审批',
  return: '办公室领导退回修改',
  approve: '办公室领导审批通过',
  publish: '调研科发布并登记采用',
  withdraw: '调研科撤回并撤销采用',
};

/** 《番府信息》(政务动态) */
export function periodicalTitle(p: { name: string; subtitle: string | null }): string {
  return `《${p.name}》${p.subtitle ? `(${p.subtitle})` : ''}`;
}

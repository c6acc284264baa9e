/** 约稿管理: API calls and the page's pure rules (target units, deadline wording). */
import { ANSWER_STATE_LABELS, ISSUER_LABELS } from '@shared/tables/list-columns';
import { http } from '../../../http';
import type { Unit } from '../../../lib/units';
import type { CreatedRecord } from '@shared/api/solicitations';
import type { AnswerState, Solicitation, SolicitationInput, TargetMode } from './types';

export function loadSolicitations(signal?: AbortSignal): Promise<Solicitation[]> {
  return http.get<Solicitation[]>('/api/solicitations', { signal });
}

/** The form shows refusals on its fields (quiet). */
export function createSolicitation(input: SolicitationInput) {
  return http.post<CreatedRecord>('/api/solicitations', input, { quiet: true });
}

export const ISSUERS: Record<Solicitation['issuer'], string> = ISSUER_LABELS;

export const ANSWER_STATES: Record<AnswerState, { label: string; color: string; description: string }> = {
  on_time: { label: ANSWER_STATE_LABELS.on_time, color: 'success', description: '截止日期前已报送' },
  late: { label: ANSWER_STATE_LABELS.late, color: 'warning', description: '截止日期后才报送，已自动扣分' },
  missing: { label: ANSWER_STATE_LABELS.missing, color: 'error', description: '截止日期已过仍未报送，已自动扣分' },
  pending: { label: ANSWER_STATE_LABELS.pending, color: 'processing', description: '尚未报送，未到截止日期' },
};
export const ANSWER_STATE_ORDER: AnswerState[] = ['missing', 'late', 'pending', 'on_time'];

/**
 * The unit ids the API takes for a target: none for all units (the server then targets every
 * unit, including ones added later), the units of the chosen series, or the units picked.
 */
export function targetUnitIds(
  mode: TargetMode,
  series: readonly string[],
  picked: readonly number[],
  units: readonly Pick<Unit, 'id' | 'series'>[]
): number[] | undefined {
  if (mode === 'all') return undefined;
  if (mode === 'series') return units.filter((u) => series.includes(u.series)).map((u) => u.id);
  return [...new Set(picked)];
}

/** The deadline in words: 还剩 N 天, 今天截止, 已截止 N 天. */
export function deadlineText(daysLeft: number): string {
  if (daysLeft > 0) return `还剩 ${daysLeft} 天`;
  if (daysLeft === 0) return '今天截止';
  return `已截止 ${-daysLeft} 天`;
}

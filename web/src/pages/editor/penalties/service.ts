/** 扣分记录: API calls and the page's pure rules. */
import type { Policy } from '@domain/policy';
import { http } from '../../../http';
import type { PenaltyDeleted, RecordedPenalty } from '@shared/api/solicitations';
import type { Penalty, PenaltyInput } from './types';

export function loadPenalties(signal?: AbortSignal): Promise<Penalty[]> {
  return http.get<Penalty[]>('/api/penalties', { signal });
}

/** The form shows refusals on its fields (quiet); the answer may carry a warning about repeated lateness. */
export function recordPenalty(input: PenaltyInput) {
  return http.post<RecordedPenalty>('/api/penalties', input, { quiet: true });
}

export function deletePenalty(id: number) {
  return http.delete<PenaltyDeleted>(`/api/penalties/${id}`, { quiet: true });
}

/** The reasons the policy allows, with their points: `不按时间及要求上报约稿信息（-5 分）`. */
export function penaltyReasons(policy: Policy | undefined): { value: string; label: string; points: number }[] {
  return Object.entries(policy?.penalties ?? {}).map(([value, p]) => ({
    value,
    label: `${p.name}（${p.points} 分）`,
    points: p.points,
  }));
}

/** 本单位得分: my unit's standing against the series targets and the bookings behind it. */
import { quarterOf, yearOf } from '@domain/dates';
import { http, query } from '../../../http';

import type { Explanation, ScoresDocument, UnitAssessment } from '../../../lib/scores';

export type { ExplainedBooking, Explanation, QuarterAssessment, UnitAssessment } from '../../../lib/scores';

export async function loadProgress(
  unit: string,
  year: number,
  signal?: AbortSignal
): Promise<{ assessment: UnitAssessment | undefined; explanation: Explanation }> {
  const [scores, explanation] = await Promise.all([
    http.get<ScoresDocument>(`/api/scores${query({ year })}`, { signal }),
    http.get<Explanation>(`/api/scores/explain${query({ unit, year })}`, { signal }),
  ]);
  return { assessment: scores.units.find((u) => u.unit === unit), explanation };
}

export interface Gap {
  /** 还差 12 分 / 已完成 */
  text: string;
  done: boolean;
  /** Progress towards the target, 0..100. */
  percent: number;
}

/** What is still missing to reach a target. */
export function gapToTarget(points: number, target: number): Gap {
  if (points >= target) return { text: '已完成', done: true, percent: 100 };
  const percent = target <= 0 ? 100 : Math.max(0, Math.min(100, Math.floor((points / target) * 100)));
  return { text: `还差 ${target - points} 分`, done: false, percent };
}

export type PeriodState = 'past' | 'current' | 'future';

/** Whether a quarter of a year is over, running or yet to come on a day. */
export function quarterState(year: number, quarter: number, today: string): PeriodState {
  const now = yearOf(today) * 4 + quarterOf(today);
  const asked = year * 4 + quarter;
  return asked < now ? 'past' : asked === now ? 'current' : 'future';
}

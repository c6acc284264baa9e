import type { IsoDate } from './dates.js';

/** A target unit's standing on a solicitation: answered by the deadline, after it, not at all once it passed, or not yet. */
export const ANSWER_STATES = ['on_time', 'late', 'missing', 'pending'] as const;
export type AnswerState = (typeof ANSWER_STATES)[number];

/** One item a unit gave in answer: the date it was submitted, and whether it has been sent to the district office. */
export interface SolicitationAnswer {
  submitted: IsoDate;
  sent: boolean;
}

/**
 * A unit's state on a solicitation from its answering items. Only sent items answer; one
 * submitted on or before the deadline is on time. With none, the unit is missing once the
 * deadline's day is over, pending until then.
 */
export function answerState(deadline: IsoDate, answers: readonly SolicitationAnswer[], today: IsoDate): AnswerState {
  const sent = answers.filter((a) => a.sent);
  if (sent.some((a) => a.submitted <= deadline)) return 'on_time';
  if (sent.length > 0) return 'late';
  return today > deadline ? 'missing' : 'pending';
}

/** How many target units are in each state. */
export function countAnswerStates(states: readonly AnswerState[]): Record<AnswerState, number> {
  const counts = Object.fromEntries(ANSWER_STATES.map((s) => [s, 0])) as Record<AnswerState, number>;
  for (const state of states) counts[state]++;
  return counts;
}

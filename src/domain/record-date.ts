import { isIsoDate, type IsoDate } from './dates.js';

/**
 * Why a record's date is refused: not a calendar date; before the earliest policy (no rules
 * score it); after today (what the office records, an adoption, an instruction, a paper copy
 * sent, has happened). Callers word the refusal for their field.
 */
export type RecordDateProblem = 'not_a_date' | 'before_policy' | 'after_today';

/** The limits a record's date is held to; an absent limit is not checked (a ledger has no today, an item's paper copy no policy). */
export interface RecordDateLimits {
  earliestPolicyDate?: IsoDate;
  today?: IsoDate;
}

/** The record-date rule, the one home of it: the first problem with `date`, or undefined when it is acceptable. */
export function recordDateProblem(date: unknown, limits: RecordDateLimits): RecordDateProblem | undefined {
  if (!isIsoDate(date)) return 'not_a_date';
  if (limits.earliestPolicyDate !== undefined && date < limits.earliestPolicyDate) return 'before_policy';
  if (limits.today !== undefined && date > limits.today) return 'after_today';
  return undefined;
}

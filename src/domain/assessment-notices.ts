import { policyForPeriod, type Policy } from './policy.js';

/**
 * The lists a quarter's assessment acts on (考核办法): 通报表扬 for units that met every quarter
 * (直报点: the year), 通报批评 for units that failed the quarter, and — after a run of failed
 * quarters as long as the policy says (four) — 通报批评分管领导和信息员 with advice to replace the officer.
 */

/** The run of failed quarters that brings the notice when a policy does not say otherwise. */
export const DEFAULT_FAILED_STREAK_NOTICE = 4;

/** The parts of a unit's assessment the lists read (the domain's `UnitAssessment` and the API's document alike). */
export interface NoticedUnit {
  all_quarters_met: boolean;
  quarters: readonly { met: boolean | null; failed_streak: number | null }[];
}

/** The failed run that brings the notice under the policy assessing a year (the default without a policy). */
export function failedStreakNoticeFor(policies: readonly Policy[] | undefined, year: number): number {
  if (!policies || policies.length === 0) return DEFAULT_FAILED_STREAK_NOTICE;
  return policyForPeriod(policies, `${year}-12-31`).failedStreakNotice ?? DEFAULT_FAILED_STREAK_NOTICE;
}

/** 通报表扬候选: every quarter met (for a series assessed by year, the year). */
export function commendCandidates<T extends NoticedUnit>(units: readonly T[]): T[] {
  return units.filter((u) => u.all_quarters_met);
}

/** 季度通报批评: units whose quarter was assessed as failed (a series without quarterly targets never is). */
export function criticisedInQuarter<T extends NoticedUnit>(units: readonly T[], quarter: number): T[] {
  return units.filter((u) => u.quarters[quarter - 1]?.met === false);
}

/** 连续 N 个季度未完成: a failed run of at least `threshold` quarters ending with the quarter. */
export function failedStreakReached<T extends NoticedUnit>(
  units: readonly T[],
  quarter: number,
  threshold: number
): T[] {
  return units.filter((u) => (u.quarters[quarter - 1]?.failed_streak ?? 0) >= threshold);
}

/** The three lists of a quarter, in the order the units are given. */
export function assessmentNotices<T extends NoticedUnit>(
  units: readonly T[],
  quarter: number,
  threshold: number
): { commended: T[]; criticised: T[]; failedStreak: T[] } {
  return {
    commended: commendCandidates(units),
    criticised: criticisedInQuarter(units, quarter),
    failedStreak: failedStreakReached(units, quarter, threshold),
  };
}

import { isIsoDate } from './dates.js';
import { outletGradesByKind, policyInForce, type Policy } from './policy.js';

/**
 * The policy's vocabulary of editorial records: which outlets (采用载体), item kinds (信息类型),
 * upward levels (上级采用) and instruction levels (批示级别) exist. They are the policy record's
 * keys, not literals, so a policy version that adds an outlet or a kind can be recorded at once.
 */
export type VocabularyTerm = 'outlet' | 'kind' | 'upwardLevel' | 'instructionLevel';

/** The codes of a term in one policy. A district instruction (区领导批示) is always a level. */
function codesOf(policy: Policy, term: VocabularyTerm): readonly string[] {
  switch (term) {
    case 'outlet':
      return Object.keys(policy.outlets);
    case 'kind':
      return Object.keys(policy.kinds);
    case 'upwardLevel':
      return Object.keys(policy.upward);
    case 'instructionLevel':
      return ['district', ...Object.keys(policy.upward)];
  }
}

/**
 * Whether `code` is a known value of `term` for a record dated `date`: in the policy in force on
 * that date, or — when the date is not valid or precedes every policy, which the date check
 * refuses on its own — in any stored policy.
 */
export function isKnownTerm(policies: readonly Policy[], date: string, term: VocabularyTerm, code: string): boolean {
  const inForce = isIsoDate(date) ? policyInForce(policies, date) : undefined;
  return (inForce ? [inForce] : policies).some((policy) => codesOf(policy, term).includes(code));
}

/** The refusal of an unknown code, worded as a schema's enum refusal was: “采用载体”的值不在允许的范围内. */
export function unknownTermMessage(label: string): string {
  return `“${label}”的值不在允许的范围内`;
}

/**
 * Whether an adoption into `outlet` names its item's kind: the outlet grades adoptions by kind
 * (a per-kind points table, as 《番府信息上报》 does) in the policy in force on `date`, or in any
 * policy when the date is not valid.
 */
export function isGradedByKind(policies: readonly Policy[], date: string, outlet: string): boolean {
  const inForce = isIsoDate(date) ? policyInForce(policies, date) : undefined;
  return (inForce ? [inForce] : policies).some((policy) => {
    const rule = policy.outlets[outlet];
    return rule !== undefined && outletGradesByKind(rule);
  });
}

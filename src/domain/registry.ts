import type { Policy } from './policy.js';

/** 信息员登记备案: the duties a unit registers. */
export const CONTACT_DUTIES = { leader: '分管领导（第一责任人）', director: '直接责任人', officer: '信息员' } as const;
export type ContactDuty = keyof typeof CONTACT_DUTIES;

export const STAFFING = { civil_servant: '在编公务员', permanent: '正式编制人员', other: '其他' } as const;
export type Staffing = keyof typeof STAFFING;

/** A registered person, as the checks see them. */
export interface RegisteredContact {
  duty: ContactDuty;
  staffing: Staffing;
  startedOn: string;
  endedOn: string | null;
}

/** One shortfall of a unit's registration and the day it began (null: never registered). */
export interface RegistryGap {
  problem: string;
  since: string | null;
  /** The duty nobody holds, for gaps of that kind. */
  missing?: ContactDuty;
}

/**
 * What is wrong with a unit's registration, in Chinese, with since when: a missing 分管领导, 直接责任人
 * or 信息员 (since the last one left, or never registered), and officers whose staffing the policy
 * does not allow for the unit's series (since the earliest of them started).
 */
export function registryGaps(
  seriesCode: string,
  contacts: readonly RegisteredContact[],
  policy: Policy | undefined
): RegistryGap[] {
  const current = contacts.filter((c) => c.endedOn === null);
  const gaps: RegistryGap[] = [];
  for (const duty of Object.keys(CONTACT_DUTIES) as ContactDuty[]) {
    if (current.some((c) => c.duty === duty)) continue;
    const left = contacts
      .filter((c) => c.duty === duty && c.endedOn !== null)
      .map((c) => c.endedOn!)
      .sort();
    gaps.push({ problem: `未登记${CONTACT_DUTIES[duty]}`, since: left.at(-1) ?? null, missing: duty });
  }
  const allowed = policy?.officerStaffing?.[seriesCode];
  if (allowed) {
    const misfits = current.filter((c) => c.duty === 'officer' && !allowed.includes(c.staffing));
    if (misfits.length > 0) {
      gaps.push({
        problem: `有 ${misfits.length} 名信息员不符合要求（本序列信息员须为${allowed.map((s) => STAFFING[s as Staffing] ?? s).join('或')}）`,
        since: misfits.map((c) => c.startedOn).sort()[0],
      });
    }
  }
  return gaps;
}

/** A unit of the registry that asks for attention: a gap in its registration or an open follow-up. */
export const needsAttention = (unit: { warnings: readonly unknown[]; followUps: readonly unknown[] }): boolean =>
  unit.warnings.length > 0 || unit.followUps.length > 0;

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
  endedOn: string | null;
}

/**
 * What is wrong with a unit's registration, in Chinese: a missing 分管领导, 直接责任人 or 信息员,
 * and officers whose staffing the policy does not allow for the unit's series.
 */
export function registryWarnings(seriesCode: string, contacts: readonly RegisteredContact[], policy: Policy | undefined): string[] {
  const current = contacts.filter((c) => c.endedOn === null);
  const warnings: string[] = [];
  for (const duty of Object.keys(CONTACT_DUTIES) as ContactDuty[]) {
    if (!current.some((c) => c.duty === duty)) warnings.push(`未登记${CONTACT_DUTIES[duty]}`);
  }
  const allowed = policy?.officerStaffing?.[seriesCode];
  if (allowed) {
    const misfits = current.filter((c) => c.duty === 'officer' && !allowed.includes(c.staffing));
    if (misfits.length > 0) warnings.push(`有 ${misfits.length} 名信息员不符合要求（本序列信息员须为${allowed.map((s) => STAFFING[s as Staffing] ?? s).join('或')}）`);
  }
  return warnings;
}

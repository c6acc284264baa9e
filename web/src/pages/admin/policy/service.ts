/** 现行考核办法: the policy as table rows (pure, tested in test/unit/web-admin.test.ts) and adding a version. */
import type { Policy, PointValue } from '@domain/policy';
import { STAFFING } from '@domain/registry';
import type { AddedPolicy } from '@shared/api/policies';
import { http } from '../../../http';

/** One row of a points table: a flat value spans every kind column; a per-kind value fills each. */
export interface PointsRow {
  key: string;
  name: string;
  /** Points by kind code, or one value for every kind. */
  points: PointValue;
}

export const signed = (points: number) => (points > 0 ? `+${points}` : String(points));

/** The points of a row for one kind column, or the flat value. */
export function pointsCell(points: PointValue, kind: string): string {
  if (typeof points === 'number') return `${signed(points)} 分`;
  return points[kind] === undefined ? '—' : `${signed(points[kind])} 分`;
}

export function outletRows(policy: Policy): (PointsRow & { instructionBonus: boolean; upwardEligible: boolean })[] {
  return Object.entries(policy.outlets).map(([key, o]) => ({
    key,
    name: o.name,
    points: o.points,
    instructionBonus: o.instructionBonus,
    upwardEligible: o.upwardEligible,
  }));
}

export function upwardRows(policy: Policy): (PointsRow & { instruction: number })[] {
  return Object.entries(policy.upward).map(([key, u]) => ({
    key,
    name: u.name,
    points: u.adoption,
    instruction: u.instruction,
  }));
}

export function seriesRows(policy: Policy) {
  return Object.entries(policy.series).map(([code, s]) => ({
    code,
    name: s.name,
    quarterly: s.quarterly,
    annual: s.annual,
    staffing:
      (policy.officerStaffing?.[code] ?? []).map((c) => STAFFING[c as keyof typeof STAFFING] ?? c).join('或') || '不限',
  }));
}

/** A policy's label in the version selector. */
export function versionLabel(policy: Policy, inForce: Policy | undefined): string {
  return `${policy.title}（${policy.effectiveFrom} 起施行${policy === inForce ? '，现行' : ''}）`;
}

/** Reads an uploaded policy file; a file that is not JSON is refused here with the parser's reason. */
export function parsePolicyFile(text: string): { json: unknown } | { problem: string } {
  try {
    return { json: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { problem: `文件不是有效的 JSON：${(error as Error).message}` };
  }
}

export function addPolicy(json: unknown): Promise<AddedPolicy> {
  return http.post<AddedPolicy>('/api/policies', json, { quiet: true });
}

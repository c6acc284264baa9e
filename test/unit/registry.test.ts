import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/domain/policy.js';
import { registryGaps } from '../../src/domain/registry.js';

const policy = {
  officerStaffing: { direct: ['civil_servant', 'permanent'], town: ['civil_servant'] },
} as unknown as Policy;

describe('registry gaps (信息员登记备案): what is missing and since when', () => {
  it('says a duty never registered is missing since no date', () => {
    expect(registryGaps('town', [], policy)).toEqual([
      { problem: '未登记分管领导（第一责任人）', since: null, missing: 'leader' },
      { problem: '未登记直接责任人', since: null, missing: 'director' },
      { problem: '未登记信息员', since: null, missing: 'officer' },
    ]);
  });

  it('dates a missing officer from the day the last one left, and a misfit from the day they started', () => {
    const contacts = [
      { duty: 'leader' as const, staffing: 'civil_servant' as const, startedOn: '2025-01-01', endedOn: null },
      { duty: 'director' as const, staffing: 'other' as const, startedOn: '2025-01-01', endedOn: null },
      { duty: 'officer' as const, staffing: 'civil_servant' as const, startedOn: '2024-01-01', endedOn: '2025-06-30' },
      { duty: 'officer' as const, staffing: 'civil_servant' as const, startedOn: '2025-07-01', endedOn: '2026-03-01' },
    ];
    expect(registryGaps('town', contacts, policy)).toEqual([
      { problem: '未登记信息员', since: '2026-03-01', missing: 'officer' },
    ]);
    const misfit = [
      ...contacts,
      { duty: 'officer' as const, staffing: 'permanent' as const, startedOn: '2026-03-05', endedOn: null },
    ];
    expect(registryGaps('town', misfit, policy)).toEqual([
      { problem: '有 1 名信息员不符合要求（本序列信息员须为在编公务员）', since: '2026-03-05' },
    ]);
  });
});

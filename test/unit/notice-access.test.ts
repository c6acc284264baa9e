import { describe, expect, it } from 'vitest';
import { canSeeNotice } from '../../src/domain/notice-access.js';

describe('who reads a notice', () => {
  const posted = { posted: true, unitIds: [1, 2] };
  const draft = { posted: false, unitIds: [1] };

  it('the editor reads every notice, drafts too; office leaders only posted ones', () => {
    expect(canSeeNotice({ role: 'editor', unitId: null }, draft)).toBe(true);
    expect(canSeeNotice({ role: 'office_leader', unitId: null }, draft)).toBe(false);
    expect(canSeeNotice({ role: 'office_leader', unitId: null }, posted)).toBe(true);
  });

  it('a unit reads only a posted notice addressed to it', () => {
    expect(canSeeNotice({ role: 'officer', unitId: 1 }, posted)).toBe(true);
    expect(canSeeNotice({ role: 'principal', unitId: 2 }, posted)).toBe(true);
    expect(canSeeNotice({ role: 'officer', unitId: 3 }, posted)).toBe(false);
    expect(canSeeNotice({ role: 'officer', unitId: 1 }, draft)).toBe(false);
  });

  it('administrators read none', () => {
    for (const role of ['sys_admin', 'security_admin', 'audit_admin'] as const)
      expect(canSeeNotice({ role, unitId: null }, posted)).toBe(false);
  });
});

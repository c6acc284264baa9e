import { describe, expect, it } from 'vitest';
import { canSeeItem, canSeeUnitScores, isDistrictRole } from '../../src/domain/permissions.js';
import { ALL_ROLES, UNIT_ROLES, type Role } from '../../src/shared/roles.js';

const unsent = { unitId: 7, sentAt: null };
const sent = { unitId: 7, sentAt: '2026-03-20T01:00:00.000Z' };

describe('canSeeItem', () => {
  it("shows a unit its own items, sent or not, and never another unit's", () => {
    for (const role of UNIT_ROLES) {
      expect(canSeeItem({ role, unitId: 7 }, unsent), role).toBe(true);
      expect(canSeeItem({ role, unitId: 7 }, sent), role).toBe(true);
      expect(canSeeItem({ role, unitId: 8 }, sent), role).toBe(false);
      expect(canSeeItem({ role, unitId: null }, sent), role).toBe(false);
    }
  });

  it('shows the district office an item from the moment it is sent, not before', () => {
    for (const role of ['editor', 'office_leader'] as const) {
      expect(canSeeItem({ role, unitId: null }, unsent), role).toBe(false);
      expect(canSeeItem({ role, unitId: null }, sent), role).toBe(true);
    }
  });

  it('never shows items to the administrators, even with a unit', () => {
    for (const role of ['sys_admin', 'security_admin', 'audit_admin'] as const) {
      expect(canSeeItem({ role, unitId: 7 }, sent), role).toBe(false);
      expect(canSeeItem({ role, unitId: 7 }, unsent), role).toBe(false);
    }
  });

  it('covers every role', () => {
    const seeing = ALL_ROLES.filter((role: Role) => canSeeItem({ role, unitId: 7 }, sent));
    expect(seeing.sort()).toEqual(['editor', 'office_leader', 'officer', 'principal', 'reviewer']);
  });
});

describe('scores visibility', () => {
  it('lets the district office read any unit, a unit only its own, administrators none', () => {
    expect(ALL_ROLES.filter(isDistrictRole).sort()).toEqual(['editor', 'office_leader']);
    expect(canSeeUnitScores({ role: 'editor', unitId: null }, 3)).toBe(true);
    expect(canSeeUnitScores({ role: 'officer', unitId: 3 }, 3)).toBe(true);
    expect(canSeeUnitScores({ role: 'officer', unitId: 3 }, 4)).toBe(false);
    expect(canSeeUnitScores({ role: 'sys_admin', unitId: 3 }, 3)).toBe(false);
  });
});

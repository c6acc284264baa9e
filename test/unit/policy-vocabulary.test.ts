import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/domain/policy.js';
import { isGradedByKind, isKnownTerm, unknownTermMessage } from '../../src/domain/policy-vocabulary.js';

const seed = JSON.parse(
  fs.readFileSync(new URL('../../seeds/panyu-2010.policy.json', import.meta.url), 'utf8')
) as Policy;
const later: Policy = {
  ...seed,
  name: 'later',
  effectiveFrom: '2027-01-01',
  kinds: { ...seed.kinds, video: '视频信息' },
  outlets: { ...seed.outlets, wechat: { name: '微信', points: 1, instructionBonus: false, upwardEligible: false } },
};
const policies = [later, seed];

describe('the policy vocabulary of editorial records', () => {
  it('knows the codes of the policy in force on the record date, from its first day', () => {
    expect(isKnownTerm(policies, '2026-12-31', 'outlet', 'wechat')).toBe(false);
    expect(isKnownTerm(policies, '2027-01-01', 'outlet', 'wechat')).toBe(true);
    expect(isKnownTerm(policies, '2027-01-01', 'kind', 'video')).toBe(true);
    expect(isKnownTerm(policies, '2026-12-31', 'kind', 'video')).toBe(false);
    expect(isKnownTerm(policies, '2026-12-31', 'outlet', 'report')).toBe(true);
  });

  it('counts district as an instruction level but not as an upward level', () => {
    expect(isKnownTerm(policies, '2020-01-01', 'instructionLevel', 'district')).toBe(true);
    expect(isKnownTerm(policies, '2020-01-01', 'instructionLevel', 'province')).toBe(true);
    expect(isKnownTerm(policies, '2020-01-01', 'upwardLevel', 'district')).toBe(false);
    expect(isKnownTerm(policies, '2020-01-01', 'upwardLevel', 'city')).toBe(true);
  });

  it('falls back to every stored policy when the date is invalid or before the first policy (the date check refuses it)', () => {
    expect(isKnownTerm(policies, '2009-01-01', 'outlet', 'wechat')).toBe(true);
    expect(isKnownTerm(policies, 'not a date', 'outlet', 'wechat')).toBe(true);
    expect(isKnownTerm(policies, 'not a date', 'outlet', 'tv')).toBe(false);
    expect(isKnownTerm([], '2026-01-01', 'outlet', 'portal')).toBe(false);
  });

  it('asks for a kind where the outlet grades by kind', () => {
    expect(isGradedByKind(policies, '2026-01-01', 'report')).toBe(true);
    expect(isGradedByKind(policies, '2026-01-01', 'dynamic')).toBe(false);
    expect(isGradedByKind(policies, '2027-01-01', 'wechat')).toBe(false);
    expect(isGradedByKind(policies, '2026-01-01', 'unknown')).toBe(false);
  });

  it('words a refusal as the schema’s enum refusal', () => {
    expect(unknownTermMessage('采用载体')).toBe('“采用载体”的值不在允许的范围内');
  });
});

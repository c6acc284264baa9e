import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SECURITY_SETTINGS,
  isTotpRequired,
  securitySettingsProblems,
} from '../../src/domain/security-settings.js';

describe('security settings', () => {
  it('require TOTP of the three administrators by default, and of no one else', () => {
    expect(isTotpRequired(DEFAULT_SECURITY_SETTINGS, 'sys_admin')).toBe(true);
    expect(isTotpRequired(DEFAULT_SECURITY_SETTINGS, 'security_admin')).toBe(true);
    expect(isTotpRequired(DEFAULT_SECURITY_SETTINGS, 'audit_admin')).toBe(true);
    expect(isTotpRequired(DEFAULT_SECURITY_SETTINGS, 'editor')).toBe(false);
    expect(isTotpRequired(DEFAULT_SECURITY_SETTINGS, 'no-such-role')).toBe(false);
    const extended = {
      ...DEFAULT_SECURITY_SETTINGS,
      totpRequiredRoles: [...DEFAULT_SECURITY_SETTINGS.totpRequiredRoles, 'editor' as const],
    };
    expect(isTotpRequired(extended, 'editor')).toBe(true);
  });

  it('allow 1 to 50 concurrent sessions per account, 5 by default', () => {
    expect(DEFAULT_SECURITY_SETTINGS.maxSessionsPerAccount).toBe(5);
    expect(securitySettingsProblems({ ...DEFAULT_SECURITY_SETTINGS, maxSessionsPerAccount: 1 })).toEqual([]);
    expect(securitySettingsProblems({ ...DEFAULT_SECURITY_SETTINGS, maxSessionsPerAccount: 50 })).toEqual([]);
    expect(securitySettingsProblems({ ...DEFAULT_SECURITY_SETTINGS, maxSessionsPerAccount: 0 })).toEqual([
      '每个账号同时登录的会话数上限应为 1–50 之间的整数',
    ]);
    expect(securitySettingsProblems({ ...DEFAULT_SECURITY_SETTINGS, maxSessionsPerAccount: 51 })).toHaveLength(1);
  });
});

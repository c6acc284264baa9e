import { ADMIN_ROLES, isRole, type Role } from '../shared/roles.js';

/** Security settings the security administrator keeps (安全管理员). */
export interface SecuritySettings {
  /** Days a password stays valid; 0 = never expires. */
  passwordExpiryDays: number;
  /** Failed logins in a row that lock an account. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** A session ends after this long without a request. */
  idleMinutes: number;
  /** A session ends this long after login, however active. */
  absoluteHours: number;
  /** Open sessions one account may hold; a new login beyond it ends the oldest. */
  maxSessionsPerAccount: number;
  /** Roles whose accounts must use a TOTP second factor. */
  totpRequiredRoles: Role[];
}

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  passwordExpiryDays: 90,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleMinutes: 30,
  absoluteHours: 12,
  maxSessionsPerAccount: 5,
  // Issue 10, finding 6: the three administrators use a second factor unless the office decides otherwise.
  totpRequiredRoles: [...ADMIN_ROLES],
};

/** The range and Chinese label of each numeric setting (the web form checks the same as the user types). */
export const SECURITY_SETTING_LIMITS: Record<
  Exclude<keyof SecuritySettings, 'totpRequiredRoles'>,
  [min: number, max: number, label: string]
> = {
  passwordExpiryDays: [0, 3650, '密码有效期（天）'],
  lockoutThreshold: [3, 20, '锁定前允许的连续登录失败次数'],
  lockoutMinutes: [1, 1440, '锁定时长（分钟）'],
  idleMinutes: [5, 120, '空闲超时（分钟）'],
  absoluteHours: [1, 24, '会话最长时间（小时）'],
  maxSessionsPerAccount: [1, 50, '每个账号同时登录的会话数上限'],
};

/** Checks settings submitted by the security administrator; problems are in Chinese. */
export function securitySettingsProblems(settings: SecuritySettings): string[] {
  const problems: string[] = [];
  for (const [key, [min, max, label]] of Object.entries(SECURITY_SETTING_LIMITS)) {
    const value = settings[key as keyof typeof SECURITY_SETTING_LIMITS];
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${label}应为 ${min}–${max} 之间的整数`);
  }
  if (!settings.totpRequiredRoles.every(isRole)) problems.push('要求双因素认证的角色中有未知角色');
  return problems;
}

/** Whether accounts of a role must bind and use a TOTP second factor. */
export function isTotpRequired(settings: SecuritySettings, role: string): boolean {
  return isRole(role) && settings.totpRequiredRoles.includes(role);
}

/**
 * Roles of the system, shared by the server and the web pages. An account holds exactly one
 * role, so no account can hold two of the three administrator roles (三员分立).
 */
export const ROLES = {
  sys_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
  editor: '区政府办公室调研科编辑',
  office_leader: '办公室领导',
  officer: '信息员',
  reviewer: '分管领导（审核）',
  principal: '主要领导（签发）',
} as const;

export type Role = keyof typeof ROLES;

export const ALL_ROLES = Object.keys(ROLES) as Role[];

/** Roles that belong to a reporting unit and see only that unit's records. */
export const UNIT_ROLES: readonly Role[] = ['officer', 'reviewer', 'principal'];

/** Roles that work with items: the unit's people and the district office. */
export const ITEM_ROLES: readonly Role[] = ['officer', 'reviewer', 'principal', 'editor', 'office_leader'];

/**
 * Who reads units, series and policies: everyone who works with items, and the administrators
 * who keep units, accounts and policies (not the audit administrator).
 */
export const REFERENCE_READERS: readonly Role[] = ALL_ROLES.filter((role) => role !== 'audit_admin');

/** The three separated administrator roles. */
export const ADMIN_ROLES: readonly Role[] = ['sys_admin', 'security_admin', 'audit_admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && value in ROLES;
}

export function isUnitRole(role: Role): boolean {
  return UNIT_ROLES.includes(role);
}

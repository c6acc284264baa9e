/** Accounts (系统管理员), roles and security settings (安全管理员). */
import { Type, type Static } from '@sinclair/typebox';
import { RoleField, UserView } from './auth.js';
import { MAX_RECORD_ID } from '../limits.js';

const UnitIdField = Type.Union([Type.Integer({ minimum: 1, maximum: MAX_RECORD_ID }), Type.Null()], {
  title: '所属单位',
});
const PhoneField = Type.Union([Type.String({ maxLength: 40 }), Type.Null()], { title: '联系电话' });
const VersionField = Type.Integer({ title: '版本号', minimum: 1, maximum: MAX_RECORD_ID });

export const IdParams = Type.Object({ id: Type.Integer({ title: '编号', minimum: 1, maximum: MAX_RECORD_ID }) });
export type IdParams = Static<typeof IdParams>;

/** POST /api/accounts */
export const CreateAccountBody = Type.Object(
  {
    username: Type.String({ title: '用户名', minLength: 3, maxLength: 50 }),
    displayName: Type.String({ title: '姓名', minLength: 1, maxLength: 50 }),
    role: RoleField,
    unitId: UnitIdField,
    phone: Type.Optional(PhoneField),
    password: Type.Optional(Type.String({ title: '初始密码', minLength: 1, maxLength: 128 })),
  },
  { additionalProperties: false }
);
export type CreateAccountBody = Static<typeof CreateAccountBody>;

/** PATCH /api/accounts/:id */
export const UpdateAccountBody = Type.Object(
  {
    version: VersionField,
    displayName: Type.Optional(Type.String({ title: '姓名', minLength: 1, maxLength: 50 })),
    unitId: Type.Optional(UnitIdField),
    phone: Type.Optional(PhoneField),
    isDisabled: Type.Optional(Type.Boolean({ title: '停用' })),
  },
  { additionalProperties: false }
);
export type UpdateAccountBody = Static<typeof UpdateAccountBody>;

/** PUT /api/accounts/:id/role */
export const AssignRoleBody = Type.Object(
  { version: VersionField, role: RoleField, unitId: UnitIdField },
  { additionalProperties: false }
);
export type AssignRoleBody = Static<typeof AssignRoleBody>;

/** POST /api/accounts/:id/password-reset */
export const VersionBody = Type.Object({ version: VersionField }, { additionalProperties: false });
export type VersionBody = Static<typeof VersionBody>;

/** One row of GET /api/accounts. */
export const Account = Type.Composite([
  UserView,
  Type.Object({
    version: Type.Integer(),
    phone: Type.Union([Type.String(), Type.Null()]),
    isDisabled: Type.Boolean(),
    isLocked: Type.Boolean(),
    mustChangePassword: Type.Boolean(),
  }),
]);
export type Account = Static<typeof Account>;

export const AccountList = Type.Array(Account);
export type AccountList = Static<typeof AccountList>;

/**
 * POST /api/accounts: the new account and its one-time password, shown once; null for an
 * administrator account, whose one-time password is issued on the server (govinfo account reset-password).
 */
export const CreatedAccount = Type.Object({ id: Type.Integer(), password: Type.Union([Type.String(), Type.Null()]) });
export type CreatedAccount = Static<typeof CreatedAccount>;

/** POST /api/accounts/:id/password-reset */
export const OneTimePassword = Type.Object({ password: Type.String() });
export type OneTimePassword = Static<typeof OneTimePassword>;

const settingsFields = {
  passwordExpiryDays: Type.Integer({ title: '密码有效期（天）' }),
  lockoutThreshold: Type.Integer({ title: '锁定前允许的连续登录失败次数' }),
  lockoutMinutes: Type.Integer({ title: '锁定时长（分钟）' }),
  idleMinutes: Type.Integer({ title: '空闲超时（分钟）' }),
  absoluteHours: Type.Integer({ title: '会话最长时间（小时）' }),
  maxSessionsPerAccount: Type.Integer({ title: '每个账号同时登录的会话数上限' }),
  totpRequiredRoles: Type.Array(RoleField, { title: '须启用双因素认证的角色' }),
};

/** PUT /api/security-settings: the settings and the version they replace. */
export const SecuritySettingsBody = Type.Object(
  {
    version: Type.Integer({ title: '版本号', minimum: 0, maximum: MAX_RECORD_ID }),
    ...settingsFields,
  },
  { additionalProperties: false }
);
export type SecuritySettingsBody = Static<typeof SecuritySettingsBody>;

/** GET and PUT /api/security-settings: the settings in force and their version. */
export const SecuritySettingsView = Type.Object({ version: Type.Integer(), ...settingsFields });
export type SecuritySettingsView = Static<typeof SecuritySettingsView>;

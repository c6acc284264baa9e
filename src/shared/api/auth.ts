/** Sign-in, the session views, password change and the TOTP second factor. */
import { Type, type Static } from '@sinclair/typebox';
import type { Role } from '../roles.js';

/** A role as the API sends and accepts it (every role of ROLES; checked below). */
export const RoleField = Type.Union(
  [
    Type.Literal('sys_admin'),
    Type.Literal('security_admin'),
    Type.Literal('audit_admin'),
    Type.Literal('editor'),
    Type.Literal('office_leader'),
    Type.Literal('officer'),
    Type.Literal('reviewer'),
    Type.Literal('principal'),
  ],
  { title: '角色' }
);
// Fails to compile when ROLES gains or loses a role the field does not list.
const roleFieldListsEveryRole: [Role] extends [Static<typeof RoleField>]
  ? [Static<typeof RoleField>] extends [Role]
    ? true
    : never
  : never = true;
void roleFieldListsEveryRole;

/** The answer of a change that has nothing else to say. */
export const Done = Type.Object({ ok: Type.Literal(true) });
export type Done = Static<typeof Done>;

/** POST /api/auth/login */
export const LoginBody = Type.Object(
  {
    username: Type.String({ title: '用户名', minLength: 1, maxLength: 100 }),
    password: Type.String({ title: '密码', minLength: 1, maxLength: 200 }),
    totp: Type.Optional(Type.String({ title: '双因素认证码', pattern: '^[0-9]{6}$' })),
  },
  { additionalProperties: false }
);
export type LoginBody = Static<typeof LoginBody>;

/** POST /api/auth/password */
export const ChangePasswordBody = Type.Object(
  {
    current: Type.String({ title: '当前密码', minLength: 1, maxLength: 200 }),
    next: Type.String({ title: '新密码', minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false }
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

/** POST /api/auth/totp/confirm */
export const TotpConfirmBody = Type.Object(
  {
    code: Type.String({ title: '双因素认证码', pattern: '^[0-9]{6}$' }),
  },
  { additionalProperties: false }
);
export type TotpConfirmBody = Static<typeof TotpConfirmBody>;

/** An account as the API shows it: never its password hash or TOTP secret. */
export const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  // The stored role is one of ROLES; typed so, serialized as the string it is.
  role: Type.Unsafe<Role>(Type.String()),
  roleName: Type.String(),
  unit: Type.Union([Type.Null(), Type.Object({ id: Type.Integer(), name: Type.String() })]),
  totpEnabled: Type.Boolean(),
});
export type UserView = Static<typeof UserView>;

/** POST /api/auth/login, GET /api/auth/me: the signed-in account and its session. */
export const SessionView = Type.Object({
  user: UserView,
  csrfToken: Type.String(),
  mustChangePassword: Type.Boolean(),
  mustEnrollTotp: Type.Boolean(),
});
export type SessionView = Static<typeof SessionView>;

/** GET /api/auth/session: the session, or null when no one is signed in, and the office the system serves. */
export const SessionProbe = Type.Object({
  session: Type.Union([SessionView, Type.Null()]),
  /** e.g. 广州市番禺区人民政府办公室: the seeded roster's district, named on the login page and the header. */
  office: Type.String(),
  /** e.g. 《番府信息》(工作通讯): the quarterly bulletin, as the results pages name it. */
  bulletin: Type.String(),
});
export type SessionProbe = Static<typeof SessionProbe>;

/** POST /api/auth/totp/setup: the new secret, and the otpauth URI for an authenticator app. */
export const TotpSetup = Type.Object({ secret: Type.String(), uri: Type.String() });
export type TotpSetup = Static<typeof TotpSetup>;

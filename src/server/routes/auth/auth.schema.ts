import { Type, type Static } from '@sinclair/typebox';

export const LoginBody = Type.Object({
  username: Type.String({ title: '用户名', minLength: 1, maxLength: 100 }),
  password: Type.String({ title: '密码', minLength: 1, maxLength: 200 }),
  totp: Type.Optional(Type.String({ title: '双因素认证码', pattern: '^[0-9]{6}$' })),
}, { additionalProperties: false });
export type LoginBody = Static<typeof LoginBody>;

export const ChangePasswordBody = Type.Object({
  current: Type.String({ title: '当前密码', minLength: 1, maxLength: 200 }),
  next: Type.String({ title: '新密码', minLength: 1, maxLength: 200 }),
}, { additionalProperties: false });
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const TotpConfirmBody = Type.Object({
  code: Type.String({ title: '双因素认证码', pattern: '^[0-9]{6}$' }),
}, { additionalProperties: false });

export const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  roleName: Type.String(),
  unit: Type.Union([Type.Null(), Type.Object({ id: Type.Integer(), name: Type.String() })]),
  totpEnabled: Type.Boolean(),
});

export const SessionView = Type.Object({
  user: UserView,
  csrfToken: Type.String(),
  mustChangePassword: Type.Boolean(),
  mustEnrollTotp: Type.Boolean(),
});

/** GET /api/auth/session: the session, or null when no one is signed in. */
export const SessionProbe = Type.Object({
  session: Type.Union([SessionView, Type.Null()]),
});

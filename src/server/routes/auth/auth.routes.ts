import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { endSession } from '../../../db/repositories/session.repository.js';
import { changePassword } from '../../../services/auth/change-password.js';
import { confirmTotpEnrollment, startTotpEnrollment } from '../../../services/auth/enroll-totp.js';
import { login } from '../../../services/auth/login.js';
import { logout } from '../../../services/auth/logout.js';
import { ServiceError } from '../../../services/service-error.js';
import {
  ChangePasswordBody,
  Done,
  LoginBody,
  SessionProbe,
  SessionView,
  TotpConfirmBody,
  TotpSetup,
} from '../../../shared/api/auth.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actorOf, authOf, CSRF_COOKIE, rateLimit, SESSION_COOKIE } from '../../plugins/access.js';
import { isSecureRequest } from '../../plugins/secure-transport.js';
import { presentUser } from '../../presenters.js';
import { bulletinTitleOf, officeIdentity } from '../../../services/office-identity.js';

/** Sign-in, sign-out, the current session, password change and the TOTP second factor. */
export function authRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const isSecure = (request: FastifyRequest) => isSecureRequest(config, request);
  const setCookies = (request: FastifyRequest, reply: FastifyReply, token: string, csrfToken: string) => {
    const common = { path: '/', sameSite: 'strict' as const, secure: isSecure(request) };
    reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
  };
  const clearCookies = (reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
  };

  // The first login goes one way: the one-time password is replaced first, then the second factor
  // bound, so a secret is never shown to whoever merely holds the one-time password.
  const refuseBeforePasswordChange = (request: FastifyRequest) => {
    const auth = authOf(request);
    if (auth.mustChangePassword) throw new ServiceError('forbidden', '请先修改密码');
    return auth;
  };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['认证'], summary: '登录', body: LoginBody, response: { 200: SessionView } },
      preHandler: rateLimit(
        db,
        config,
        'login',
        () => config.loginRateLimit,
        (request) => request.ip
      ),
    },
    async (request, reply) => {
      const body = request.body;
      if (request.auth) await endSession(db, request.auth.session.id, config.now().toISOString());
      const result = await login(
        db,
        { ...body, ip: request.ip, userAgent: request.headers['user-agent'] },
        config.now()
      );
      if (!result.ok) {
        if (result.reason === 'locked') {
          const until = new Date(result.lockedUntil!).toLocaleTimeString('zh-CN', {
            timeZone: 'Asia/Shanghai',
            hour: '2-digit',
            minute: '2-digit',
          });
          throw new ServiceError('locked', `连续登录失败次数过多，账号已锁定，请于 ${until} 后再试`);
        }
        if (result.reason === 'totp_required')
          throw new ServiceError('unauthenticated', '请输入双因素认证码', { totpRequired: true });
        if (result.reason === 'totp_invalid')
          throw new ServiceError('unauthenticated', '双因素认证码不正确', { totpRequired: true });
        throw new ServiceError('unauthenticated', '用户名或密码错误');
      }
      setCookies(request, reply, result.token, result.csrfToken);
      return {
        user: await presentUser(db, result.user),
        csrfToken: result.csrfToken,
        mustChangePassword: result.mustChangePassword,
        mustEnrollTotp: result.mustEnrollTotp,
      };
    }
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'signed_in', restricted: true },
      schema: { tags: ['认证'], summary: '退出登录', response: { 200: Done } },
    },
    async (request, reply) => {
      const auth = authOf(request);
      await logout(db, actorOf(request), auth.user.id, auth.session.id, config.now());
      clearCookies(reply);
      return { ok: true as const };
    }
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'signed_in', restricted: true },
      schema: { tags: ['认证'], summary: '当前登录的账号', response: { 200: SessionView } },
    },
    async (request) => {
      const auth = authOf(request);
      return {
        user: await presentUser(db, auth.user),
        csrfToken: auth.session.csrf_token,
        mustChangePassword: auth.mustChangePassword,
        mustEnrollTotp: auth.mustEnrollTotp,
      };
    }
  );

  // The pages' probe: "not signed in" is an answer, not a refusal, so it neither logs a failed
  // request in the browser nor writes an audit entry per visit.
  app.get(
    '/api/auth/session',
    {
      config: { access: 'public' },
      schema: { tags: ['认证'], summary: '当前会话（未登录时 session 为 null）', response: { 200: SessionProbe } },
    },
    async (request) => {
      const auth = request.auth;
      const identity = officeIdentity();
      const office = { office: identity.issuer, bulletin: bulletinTitleOf(identity) };
      if (!auth) return { session: null, ...office };
      return {
        ...office,
        session: {
          user: await presentUser(db, auth.user),
          csrfToken: auth.session.csrf_token,
          mustChangePassword: auth.mustChangePassword,
          mustEnrollTotp: auth.mustEnrollTotp,
        },
      };
    }
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'signed_in', restricted: true },
      schema: { tags: ['认证'], summary: '修改本人密码', body: ChangePasswordBody, response: { 200: Done } },
    },
    async (request) => {
      const auth = authOf(request);
      await changePassword(
        db,
        { ...actorOf(request), id: auth.user.id },
        { ...request.body, sessionId: auth.session.id },
        config.now()
      );
      return { ok: true as const };
    }
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { access: 'signed_in', restricted: true },
      schema: { tags: ['认证'], summary: '开始绑定双因素认证：生成密钥', response: { 200: TotpSetup } },
    },
    async (request) => {
      refuseBeforePasswordChange(request);
      return startTotpEnrollment(db, actorOf(request), authOf(request).user.id, config.now());
    }
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      config: { access: 'signed_in', restricted: true },
      schema: { tags: ['认证'], summary: '确认绑定双因素认证', body: TotpConfirmBody, response: { 200: Done } },
    },
    async (request) => {
      const auth = refuseBeforePasswordChange(request);
      await confirmTotpEnrollment(db, actorOf(request), auth.user.id, auth.session.id, request.body.code, config.now());
      return { ok: true as const };
    }
  );
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { endSession, endUserSessions } from '../../../db/repositories/session.repository.js';
import { findUserById, updateUser } from '../../../db/repositories/user.repository.js';
import { generateTotpSecret, totpUri, verifyTotp } from '../../../security/totp.js';
import { appendAudit } from '../../../services/audit/append-audit.js';
import { changePassword } from '../../../services/auth/change-password.js';
import { login } from '../../../services/auth/login.js';
import { ServiceError } from '../../../services/service-error.js';
import type { ServerConfig } from '../../config.js';
import { actorOf, authOf, CSRF_COOKIE, rateLimit, SESSION_COOKIE } from '../../plugins/access.js';
import { presentUser } from '../../presenters.js';
import { ChangePasswordBody, LoginBody, SessionProbe, SessionView, TotpConfirmBody } from './auth.schema.js';

/** Sign-in, sign-out, the current session, password change and the TOTP second factor. */
export function authRoutes(app: FastifyInstance, db: Kysely<Database>, config: ServerConfig): void {
  const isSecure = (request: FastifyRequest) => config.secureCookies === 'always' || (config.secureCookies === 'auto' && request.protocol === 'https');
  const setCookies = (request: FastifyRequest, reply: FastifyReply, token: string, csrfToken: string) => {
    const common = { path: '/', sameSite: 'strict' as const, secure: isSecure(request) };
    reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
  };
  const clearCookies = (reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
  };

  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags: ['认证'], summary: '登录', body: LoginBody, response: { 200: SessionView } },
    preHandler: rateLimit(db, config, 'login', () => config.loginRateLimit, (request) => request.ip),
  }, async (request, reply) => {
    const body = request.body as LoginBody;
    if (request.auth) await endSession(db, request.auth.session.id, config.now().toISOString());
    const result = await login(db, { ...body, ip: request.ip, userAgent: request.headers['user-agent'] }, config.now());
    if (!result.ok) {
      if (result.reason === 'locked') {
        const until = new Date(result.lockedUntil!).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
        throw new ServiceError('locked', `连续登录失败次数过多，账号已锁定，请于 ${until} 后再试`);
      }
      if (result.reason === 'totp_required') throw new ServiceError('unauthenticated', '请输入双因素认证码', { totpRequired: true });
      if (result.reason === 'totp_invalid') throw new ServiceError('unauthenticated', '双因素认证码不正确', { totpRequired: true });
      throw new ServiceError('unauthenticated', '用户名或密码错误');
    }
    setCookies(request, reply, result.token, result.csrfToken);
    return { user: await presentUser(db, result.user), csrfToken: result.csrfToken, mustChangePassword: result.mustChangePassword, mustEnrollTotp: result.mustEnrollTotp };
  });

  app.post('/api/auth/logout', {
    config: { access: 'signed_in', restricted: true },
    schema: { tags: ['认证'], summary: '退出登录' },
  }, async (request, reply) => {
    const auth = authOf(request);
    await db.transaction().execute(async (trx) => {
      await endSession(trx, auth.session.id, config.now().toISOString());
      await appendAudit(trx, actorOf(request), { action: 'logout', objectType: 'user', objectId: auth.user.id, outcome: 'ok' }, config.now());
    });
    clearCookies(reply);
    return { ok: true };
  });

  app.get('/api/auth/me', {
    config: { access: 'signed_in', restricted: true },
    schema: { tags: ['认证'], summary: '当前登录的账号', response: { 200: SessionView } },
  }, async (request) => {
    const auth = authOf(request);
    return { user: await presentUser(db, auth.user), csrfToken: auth.session.csrf_token, mustChangePassword: auth.mustChangePassword, mustEnrollTotp: auth.mustEnrollTotp };
  });

  // The pages' probe: "not signed in" is an answer, not a refusal, so it neither logs a failed
  // request in the browser nor writes an audit entry per visit.
  app.get('/api/auth/session', {
    config: { access: 'public' },
    schema: { tags: ['认证'], summary: '当前会话（未登录时 session 为 null）', response: { 200: SessionProbe } },
  }, async (request) => {
    const auth = request.auth;
    if (!auth) return { session: null };
    return { session: { user: await presentUser(db, auth.user), csrfToken: auth.session.csrf_token, mustChangePassword: auth.mustChangePassword, mustEnrollTotp: auth.mustEnrollTotp } };
  });

  app.post('/api/auth/password', {
    config: { access: 'signed_in', restricted: true },
    schema: { tags: ['认证'], summary: '修改本人密码', body: ChangePasswordBody },
  }, async (request) => {
    const auth = authOf(request);
    const body = request.body as ChangePasswordBody;
    await changePassword(db, { ...actorOf(request), id: auth.user.id }, { ...body, sessionId: auth.session.id }, config.now());
    return { ok: true };
  });

  app.post('/api/auth/totp/setup', {
    config: { access: 'signed_in', restricted: true },
    schema: { tags: ['认证'], summary: '开始绑定双因素认证：生成密钥' },
  }, async (request) => {
    const auth = authOf(request);
    const user = await findUserById(db, auth.user.id);
    if (!user) throw new ServiceError('not_found', '账号不存在');
    if (user.totp_enabled) throw new ServiceError('conflict', '已绑定双因素认证');
    const secret = generateTotpSecret();
    await db.transaction().execute(async (trx) => {
      if (!(await updateUser(trx, user.id, user.version, { totp_secret: secret, updated_at: config.now().toISOString() }))) throw new ServiceError('conflict', '账号已被他人修改，请重试');
      await appendAudit(trx, actorOf(request), { action: 'totp_setup', objectType: 'user', objectId: user.id, outcome: 'ok' }, config.now());
    });
    return { secret, uri: totpUri(secret, user.username) };
  });

  app.post('/api/auth/totp/confirm', {
    config: { access: 'signed_in', restricted: true },
    schema: { tags: ['认证'], summary: '确认绑定双因素认证', body: TotpConfirmBody },
  }, async (request) => {
    const auth = authOf(request);
    const user = await findUserById(db, auth.user.id);
    if (!user?.totp_secret) throw new ServiceError('invalid', '请先生成双因素认证密钥');
    if (!verifyTotp(user.totp_secret, (request.body as { code: string }).code, config.now())) throw new ServiceError('invalid', '双因素认证码不正确', { field: 'code', label: '双因素认证码' });
    await db.transaction().execute(async (trx) => {
      if (!(await updateUser(trx, user.id, user.version, { totp_enabled: 1, updated_at: config.now().toISOString() }))) throw new ServiceError('conflict', '账号已被他人修改，请重试');
      await endUserSessions(trx, user.id, config.now().toISOString(), auth.session.id);
      await appendAudit(trx, actorOf(request), { action: 'totp_enable', objectType: 'user', objectId: user.id, outcome: 'ok' }, config.now());
    });
    return { ok: true };
  });
}

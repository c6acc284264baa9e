import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { countHit } from '../../db/repositories/rate-limit.repository.js';
import { denialRecording } from '../../domain/denial-sampling.js';
import { appendAudit, type Actor } from '../../services/audit/append-audit.js';
import { authenticate, type Authenticated } from '../../services/auth/authenticate.js';
import { ServiceError } from '../../services/service-error.js';
import { safeEqual } from '../../security/crypto.js';
import type { Role } from '../../shared/roles.js';
import type { ServerConfig } from '../config.js';
import { actingUser, type ActingUser } from '../../services/acting-user.js';

export const SESSION_COOKIE = 'govinfo_session';
export const CSRF_COOKIE = 'govinfo_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Who may call a route: anyone (`public`), any signed-in account (`signed_in`), or the listed
 * roles. `restricted` routes also serve a session that must first change its password or
 * enroll a second factor.
 */
export interface RouteAccess {
  access: 'public' | 'signed_in' | readonly Role[];
  restricted?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess['access'];
    restricted?: boolean;
  }
  interface FastifyRequest {
    auth?: Authenticated;
  }
}

/** The acting account of a request, for the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  return request.auth
    ? { id: request.auth.user.id, username: request.auth.user.username, ip: request.ip }
    : { id: null, username: 'anonymous', ip: request.ip };
}

/** The signed-in account, for handlers behind an access rule. */
export function authOf(request: FastifyRequest): Authenticated {
  if (!request.auth) throw new ServiceError('unauthenticated', '请先登录');
  return request.auth;
}

/** The signed-in account as the use cases take it: who, with which role and unit, from where. */
export function actingUserOf(request: FastifyRequest): ActingUser {
  return actingUser(authOf(request).user, request.ip);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication, authorization and CSRF for every route, declared on the route itself
 * (`config.access`); a route under /api that declares nothing is refused at start-up.
 * Every denial is audited.
 */
export function registerAccessControl(app: FastifyInstance, db: Kysely<Database>, config: ServerConfig): void {
  app.decorateRequest('auth', undefined);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && route.config?.access === undefined && !route.url.startsWith('/api/docs')) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access rule`);
    }
  });

  app.addHook('onRequest', async (request) => {
    // Only the API needs the session: page files and assets are public and cost no database read.
    const token = request.cookies[SESSION_COOKIE];
    if (token && request.url.startsWith('/api/')) request.auth = await authenticate(db, token, config.now());
  });

  // Before validation: a caller without the right learns nothing about what a valid request looks like.
  app.addHook('preValidation', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const deny = async (kind: 'unauthenticated' | 'forbidden', message: string, reason: string) => {
      // Anonymous callers are sampled (domain/denial-sampling.ts); a signed-in account's denials are all kept.
      const after = request.auth ? { reason } : await anonymousDenialRecord(db, request.ip, config.now(), reason);
      if (after) {
        await db.transaction().execute((trx) =>
          appendAudit(
            trx,
            actorOf(request),
            {
              action: 'access',
              objectType: 'route',
              objectId: `${request.method} ${request.routeOptions.url}`,
              outcome: 'denied',
              after,
            },
            config.now()
          )
        );
      }
      throw new ServiceError(kind, message).audited();
    };
    if (!request.auth) return deny('unauthenticated', '请先登录', 'no_session');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, request.auth.session.csrf_token))
        return deny('forbidden', '请求缺少有效的 CSRF 令牌，请刷新页面后重试', 'csrf');
    }
    const isRestricted = request.auth.mustChangePassword || request.auth.mustEnrollTotp;
    if (isRestricted && !request.routeOptions.config.restricted) {
      const message = request.auth.mustChangePassword ? '请先修改密码' : '请先绑定双因素认证（TOTP）';
      return deny('forbidden', message, request.auth.mustChangePassword ? 'must_change_password' : 'must_enroll_totp');
    }
    if (access !== 'signed_in' && !access.includes(request.auth.user.role as Role))
      return deny('forbidden', '当前账号无权执行此操作', 'role');
    void reply;
  });
}

/**
 * What the audit entry of an anonymous denial says, or undefined when none is written: this
 * minute's counts decide (see domain/denial-sampling.ts), kept in the shared rate-limit table
 * so every app process counts together.
 */
async function anonymousDenialRecord(
  db: Kysely<Database>,
  ip: string,
  now: Date,
  reason: string
): Promise<Record<string, unknown> | undefined> {
  const windowStart = now.getTime() - (now.getTime() % 60_000);
  const fromAddress = await countHit(db, `anonymous-denied:${ip}`, windowStart);
  const fromAll = await countHit(db, 'anonymous-denied:*', windowStart);
  const recording = denialRecording(fromAddress, fromAll);
  if (recording === 'none') return undefined;
  if (recording === 'entry') return { reason };
  // Past the single entries: this minute's counts, written each time one of them doubles.
  return {
    reason,
    summary: { since: new Date(windowStart).toISOString(), fromAddress, fromAll },
  };
}

/**
 * A fixed-window rate limit kept in the database, so several app processes share it.
 * `key` names who is limited (a client address, an account).
 */
export function rateLimit(
  db: Kysely<Database>,
  config: ServerConfig,
  name: string,
  max: () => number,
  key: (request: FastifyRequest) => string
) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const now = config.now().getTime();
    const windowStart = now - (now % 60_000);
    const count = await countHit(db, `${name}:${key(request)}`, windowStart);
    if (count > max()) {
      reply.header('retry-after', String(Math.ceil((windowStart + 60_000 - now) / 1000)));
      throw new ServiceError('too_many', '请求过于频繁，请稍后再试');
    }
  };
}

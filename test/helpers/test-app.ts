import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Store } from '../../src/db/connect.js';
import { buildApp } from '../../src/server/app.js';
import type { ServerConfig } from '../../src/server/config.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/server/plugins/access.js';
import { createTestStore } from './test-store.js';
import { buildUser } from '../factories/user.factory.js';
import type { Role } from '../../src/shared/roles.js';
import { hasTotp, nextTotpCode } from './totp-codes.js';

/** A clock the test moves: idle timeouts and lockouts pass without waiting. */
export class TestClock {
  constructor(public time = Date.parse('2026-03-20T01:00:00Z')) {}
  now = () => new Date(this.time);
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  clock: TestClock;
  config: ServerConfig;
  cleanup(): Promise<void>;
}

/** Lets loginAs give TOTP codes of this server's time (the e2e harness's server runs on the real clock). */
export function registerServerClock(app: FastifyInstance, clock: TestClock): void {
  serverClocks.set(app, clock);
}

export async function createTestApp(overrides: Partial<ServerConfig> = {}): Promise<TestApp> {
  const { store, cleanup } = await createTestStore();
  const clock = new TestClock();
  const config: ServerConfig = {
    secureCookies: 'auto',
    trustProxy: false,
    loginRateLimit: 1000,
    costlyRateLimit: 1000,
    maxAttachmentBytes: 5 * 1024 * 1024,
    now: clock.now,
    ...overrides,
  };
  const app = await buildApp({ db: store.db, config });
  registerServerClock(app, clock);
  return {
    app,
    store,
    clock,
    config,
    cleanup: async () => {
      await app.close();
      await cleanup();
    },
  };
}

/** A signed-in client: it sends the session cookie and, on writes, the CSRF header, like the web pages. */
export class ApiClient {
  constructor(
    private readonly app: FastifyInstance,
    public token: string,
    public csrfToken: string
  ) {}

  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {}
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { cookie: `${SESSION_COOKIE}=${this.token}`, ...options.headers };
    if (method !== 'GET' && options.csrf !== false) headers[CSRF_HEADER] = this.csrfToken;
    return this.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, payload?: unknown) => this.request('POST', url, payload ?? {});
  put = (url: string, payload?: unknown) => this.request('PUT', url, payload ?? {});
  patch = (url: string, payload?: unknown) => this.request('PATCH', url, payload ?? {});
  delete = (url: string) => this.request('DELETE', url);

  /** Takes a workflow action on an item at its current version, as its page does. */
  async transition(id: number, action: string, comment?: string): Promise<LightMyRequestResponse> {
    const { version } = (await this.get(`/api/items/${id}`)).json();
    return this.post(`/api/items/${id}/transitions`, { action, version, ...(comment ? { comment } : {}) });
  }
}

/** Each test server's clock (absent: the real one), so a login's TOTP code is of the server's time. */
const serverClocks = new WeakMap<FastifyInstance, TestClock>();

/**
 * A TOTP code for an account with a second factor (test/helpers/totp-codes), of the server's
 * time. The server accepts each time step once: when the three it would take are used, a test
 * clock moves on a step, the real one is waited for.
 */
export async function totpForLogin(app: FastifyInstance, username: string): Promise<string | undefined> {
  if (!hasTotp(username)) return undefined;
  const clock = serverClocks.get(app);
  for (let tries = 0; tries < 3; tries++) {
    const code = nextTotpCode(username, clock ? clock.now() : new Date());
    if (code !== undefined) return code;
    if (clock) clock.advance(30_000);
    else await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 50));
  }
  return nextTotpCode(username, clock ? clock.now() : new Date());
}

/**
 * Logs in through the API and returns a client, or throws with the server's answer. An account
 * with a second factor the tests know of gets its code as from an authenticator app.
 */
export async function loginAs(
  app: FastifyInstance,
  username: string,
  password: string,
  totp?: string
): Promise<ApiClient> {
  const response = await postLogin(app, username, password, totp ?? (await totpForLogin(app, username)));
  if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  const token = response.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  return new ApiClient(app, token, response.json().csrfToken);
}

/** A login attempt as sent by the login page, answered as is (tests of refusals, locks and codes). */
export function postLogin(app: FastifyInstance, username: string, password: string, totp?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(totp ? { totp } : {}) },
  });
}

/** A new account of a role (in a unit, for unit roles), signed in through the API. */
export async function signInNewUser(t: TestApp, role: Role, unit: string | null = null): Promise<ApiClient> {
  const user = await buildUser(t.store.db, role, unit);
  return loginAs(t.app, user.username, user.password);
}

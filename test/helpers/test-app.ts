import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Store } from '../../src/db/connect.js';
import { buildApp } from '../../src/server/app.js';
import type { ServerConfig } from '../../src/server/config.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/server/plugins/access.js';
import { createTestStore } from './test-store.js';
import { buildUser } from '../factories/user.factory.js';
import type { Role } from '../../src/shared/roles.js';

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

/** Logs in through the API and returns a client, or throws with the server's answer. */
export async function loginAs(
  app: FastifyInstance,
  username: string,
  password: string,
  totp?: string
): Promise<ApiClient> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(totp ? { totp } : {}) },
  });
  if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  const token = response.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  return new ApiClient(app, token, response.json().csrfToken);
}

/** A new account of a role (in a unit, for unit roles), signed in through the API. */
export async function signInNewUser(t: TestApp, role: Role, unit: string | null = null): Promise<ApiClient> {
  const user = await buildUser(t.store.db, role, unit);
  return loginAs(t.app, user.username, user.password);
}

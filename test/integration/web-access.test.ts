import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES, canOpen, type PageKey } from '../../web/src/access.js';
import { ALL_ROLES, UNIT_ROLES, type Role } from '../../src/shared/roles.js';
import { buildUser } from '../factories/user.factory.js';
import { createTestApp, loginAs, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

/**
 * The web pages' access table (web/src/access.ts) against the server: every role a page admits
 * can call the API route the page is built on, so no one is shown a page that only answers 403.
 */
describe.skipIf(!isDialectAvailable)('web access.ts agrees with the API', () => {
  let t: TestApp;
  const clients = new Map<Role, ApiClient>();
  let declared: Set<string>;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ALL_ROLES) {
      const user = await buildUser(t.store.db, role, UNIT_ROLES.includes(role) ? '沙湾镇' : null);
      clients.set(role, await loginAs(t.app, user.username, user.password));
    }
    const openapi = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    declared = new Set(
      Object.entries(openapi.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)
      )
    );
  });
  afterAll(async () => t?.cleanup());

  const pagesWithApi = (Object.keys(PAGES) as PageKey[]).filter((key) => PAGES[key].api);

  it('every page names its API route, or is open to everyone signed in', () => {
    const unnamed = (Object.keys(PAGES) as PageKey[]).filter(
      (key) => !PAGES[key].api && PAGES[key].roles !== 'signed_in'
    );
    expect(unnamed).toEqual([]);
  });

  it.each(pagesWithApi)('%s: its API route exists and admits every role the page admits', async (key) => {
    const [method, path] = PAGES[key].api!.split(' ') as ['GET' | 'POST' | 'PUT', string];
    expect(declared.has(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`), `${method} ${path} is declared`).toBe(true);
    for (const role of ALL_ROLES.filter((r) => canOpen(r, key))) {
      const response = await clients
        .get(role)!
        .request(method, path.replace(/:\w+/g, '999999'), method === 'GET' ? undefined : {});
      expect([401, 403], `${role} opens ${key}, so ${method} ${path} must admit it`).not.toContain(response.statusCode);
    }
  });
});

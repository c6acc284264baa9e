import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { createTestStore } from '../helpers/test-store.js';
import { isDialectAvailable } from '../helpers/test-store.js';

/** The server serves the built pages at `/`: a page's address opens the page, the API stays JSON. */
describe.skipIf(!isDialectAvailable)('web pages served by the server', () => {
  let app: FastifyInstance;
  let cleanup: () => Promise<void>;
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-web-'));

  beforeAll(async () => {
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(
      path.join(webRoot, 'index.html'),
      '<!doctype html><html lang="zh-CN"><body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body></html>'
    );
    fs.writeFileSync(path.join(webRoot, 'assets', 'index-abc123.js'), 'console.log("政务信息")');
    const store = await createTestStore();
    cleanup = store.cleanup;
    app = await buildApp({
      db: store.store.db,
      webRoot,
      config: {
        secureCookies: 'auto',
        trustProxy: false,
        loginRateLimit: 100,
        costlyRateLimit: 100,
        maxAttachmentBytes: 1024 * 1024,
        now: () => new Date(),
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it('answers the page shell at / and at any page address, never cached, with the security headers', async () => {
    for (const url of ['/', '/unit/items', '/items/42', '/scores/units/3?year=2026']) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['x-frame-options'] ?? response.headers['content-security-policy']).toMatch(
        /SAMEORIGIN|frame-ancestors 'none'/
      );
    }
  });

  it('serves hashed assets with a long cache life, and a missing file as 404', async () => {
    const asset = await app.inject('/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject('/assets/missing-000.js')).statusCode).toBe(404);
    expect((await app.inject('/favicon.ico')).statusCode).toBe(404);
  });

  it('keeps the API answering JSON: an unknown API address is a JSON 404, not the page', async () => {
    const response = await app.inject('/api/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found' });
  });

  it('does not serve the page shell for writes', async () => {
    expect((await app.inject({ method: 'POST', url: '/unit/items' })).statusCode).toBe(404);
  });
});

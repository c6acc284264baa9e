/**
 * Issue 10, finding 7: HSTS was sent over plain HTTP. It goes only with requests that came over
 * HTTPS, by the rule that makes cookies Secure.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

describe.skipIf(!isDialectAvailable)('API: Strict-Transport-Security only over HTTPS', () => {
  let t: TestApp | undefined;
  afterEach(async () => t?.cleanup());

  const health = (headers: Record<string, string> = {}) =>
    t!.app.inject({ method: 'GET', url: '/api/health', headers });

  it('sends no HSTS over plain HTTP, nor when an untrusted client claims HTTPS', async () => {
    t = await createTestApp();
    expect((await health()).headers['strict-transport-security']).toBeUndefined();
    expect((await health({ 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when a trusted proxy says the request came over HTTPS, and not when it came over HTTP', async () => {
    t = await createTestApp({ trustProxy: true });
    expect((await health({ 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains'
    );
    expect((await health({ 'x-forwarded-proto': 'http' })).headers['strict-transport-security']).toBeUndefined();
  });
});

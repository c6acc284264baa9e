/**
 * What the hostile-input campaign (hostile-input.test.ts) found, each reduced to the request
 * that caused it before its fix: a 500, or an audit chain that no longer verified.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/services/audit/append-audit.js';
import { verifyAudit } from '../../src/services/audit/verify-audit.js';
import { DRAFT } from '../factories/item.factory.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

describe.skipIf(!isDialectAvailable)('API: what the hostile-input campaign found (500s, a broken audit chain)', () => {
  let t: TestApp;
  let editor: ApiClient;
  let officer: ApiClient;
  let itemId: number;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await signInNewUser(t, 'editor');
    officer = await signInNewUser(t, 'officer', '沙湾镇');
    itemId = (await officer.post('/api/items', DRAFT)).json().id;
  });
  afterAll(async () => t?.cleanup());

  it('a training whose attendee names a unit that does not exist is refused (400), and nothing is stored', async () => {
    const response = await editor.post('/api/trainings', {
      date: '2026-03-01',
      title: '信息写作培训',
      attendees: [
        { unitId: null, name: '张三' },
        { unitId: 999_999, name: '李四' },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([expect.objectContaining({ field: 'attendees.1.unitId' })]);
    expect((await editor.get('/api/trainings')).json()).toEqual([]);
  });

  // PostgreSQL's integer columns end at 2^31 − 1: a larger id used to reach a query and fail there.
  it.each([
    ['GET', '/api/items/2147483648'],
    ['GET', `/api/items/1/attachments/9007199254740993`],
    ['POST', '/api/penalties'],
  ] as const)('%s %s with an id past the id columns is refused at validation (400)', async (method, url) => {
    const response =
      method === 'GET'
        ? await editor.get(url)
        : await editor.post(url, { unitId: 2_147_483_648, reason: 'criticism', date: '2026-03-10' });
    expect(response.statusCode).toBe(400);
  });

  // The hostile-input run's seed 145479 on PostgreSQL: a bulk adoption naming ids the database cannot hold.
  it('a bulk adoption naming an id past the id columns is refused (400)', async () => {
    const response = await editor.post('/api/items/bulk-adoptions', {
      items: [
        { id: '1e309', version: 1 },
        { id: 265561617, version: 263148946 },
      ],
      outlet: '',
      kind: '忹',
      date: '2010-03-09',
      issue: 'Z>n{',
    });
    // "1e309" is coerced to Infinity, which slipped past the schema's maximum into the query.
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([expect.objectContaining({ field: 'items.0.id' })]);
  });

  it('a page whose offset passes the id columns is refused at validation (400)', async () => {
    expect((await editor.get('/api/items?page=2147483639&pageSize=54')).statusCode).toBe(400);
    expect((await editor.get('/api/items?page=10000000&pageSize=100')).json()).toMatchObject({ items: [] });
  });

  // PostgreSQL cannot hold a NUL in text: the query failed with "invalid byte sequence" (a 500).
  it.each(['/api/items?q=a%00b', '/api/items?series=%00', '/api/items?%00=1'])(
    'a NUL in the query %s is refused (400)',
    async (url) => {
      const response = await editor.get(url);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'invalid' });
    }
  );

  it('a NUL in a JSON body is refused (400), and nothing is stored', async () => {
    const response = await editor.post('/api/solicitations', {
      issuer: 'district',
      title: '约稿\u0000标题',
      deadline: '2026-12-25',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([expect.objectContaining({ field: 'title' })]);
    expect((await editor.get('/api/solicitations')).json()).toEqual([]);
  });

  // Both engines store U+FFFD for a lone surrogate; the entry was hashed with the surrogate, so one
  // anonymous failed login made `govinfo audit verify` report the log as tampered with. The API now
  // refuses such text before any use case sees it, and the audit hashes text as stored besides, so
  // no other way in (a header, a future route) can break the chain again.
  it.each(['a\ud800b', 'x\udc00', '\udfff\ud800'])(
    'a login as %j is refused, and an audit entry naming it still verifies',
    async (username) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'wrong-password' },
      });
      expect(response.statusCode).toBe(400);
      await appendAudit(
        t.store.db,
        { id: null, username, ip: '10.0.0.9' },
        { action: 'login', outcome: 'failed', objectId: username },
        new Date()
      );
      expect(await verifyAudit(t.store.db)).toMatchObject({ ok: true });
    }
  );

  it('similar items for ids past the id columns are none (200), not a database error', async () => {
    const response = await editor.get('/api/items/similar?ids=2295148350,6725653134');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: {} });
  });

  it.each([
    ['an attachment', () => `/api/items/${itemId}/attachments`, () => officer],
    ['a ledger', () => '/api/imports?dryRun=true', () => editor],
  ])('a truncated multipart form uploading %s is refused (400), not a 500', async (_, url, client) => {
    const truncated =
      '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n';
    const response = await client().request('POST', url(), truncated, {
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid', fields: [expect.objectContaining({ field: 'file' })] });
  });
});

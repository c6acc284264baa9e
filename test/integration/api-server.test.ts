import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { govinfo } from '../helpers/cli.js';
import { buildUser } from '../factories/user.factory.js';
import { DRAFT } from '../factories/item.factory.js';
import { createTestApp, loginAs, type TestApp } from '../helpers/test-app.js';
import { dialect, isDialectAvailable } from '../helpers/test-store.js';
import { sql } from 'kysely';

describe.skipIf(!isDialectAvailable)('API: a real listening server', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t?.cleanup());

  it('serves a browser-like client over HTTP: cookies, CSRF header, JSON', async () => {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const user = await buildUser(t.store.db, 'officer', '沙湾镇');
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = await login.json();
    const created = await fetch(`${address}/api/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(DRAFT),
    });
    expect(created.status).toBe(201);
    const list = await (await fetch(`${address}/api/items`, { headers: { cookie } })).json();
    expect(list.items[0]).toMatchObject({
      title: '沙湾镇扎实推进防汛防风工作（政务信息）',
      statusName: '草稿',
      unit: { name: '沙湾镇' },
    });
    const noCsrf = await fetch(`${address}/api/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(DRAFT),
    });
    expect(noCsrf.status).toBe(403);
  });

  it('answers an unexpected failure with a generic message and no stack trace', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const client = await loginAs(t.app, user.username, user.password);
    await t.store.close();
    const response = await client.get('/api/items');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: 'internal',
      message: expect.stringMatching(/^服务器内部错误，请稍后重试（编号 .+）$/),
    });
    expect(response.body).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('verifies the audit chain from the command line and names the first broken link', async () => {
    await buildUser(t.store.db, 'editor');
    await buildUser(t.store.db, 'editor');
    const intact = await govinfo(t.store.location, 'audit', 'verify');
    expect(intact.stdout).toBe('审计日志完整：共 2 条记录，HMAC-SM3 哈希链校验通过\n');
    expect(intact.status).toBe(0);

    if (dialect === 'postgres')
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(t.store.db);
    else await sql`drop trigger audit_log_no_delete`.execute(t.store.db);
    await t.store.db.deleteFrom('audit_log').where('id', '=', 1).execute();
    const broken = await govinfo(t.store.location, 'audit', 'verify');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toBe('审计日志已被篡改：第 1 条记录缺失（其后是第 2 条）（第 1 条起的链接不可信）\n');
  });
});

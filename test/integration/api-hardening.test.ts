import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/services/audit/verify-audit.js';
import { totpCode } from '../../src/security/totp.js';
import { DRAFT } from '../factories/item.factory.js';
import { buildUser, TEST_PASSWORD } from '../factories/user.factory.js';
import { govinfo } from '../helpers/cli.js';
import { createTestApp, loginAs, postLogin, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

/** Defects a security review found, each kept fixed by a test. */
describe.skipIf(!isDialectAvailable)('API: hardening', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t?.cleanup());

  const login = (username: string, password: string, totp?: string) => postLogin(t.app, username, password, totp);
  const deniedCount = async () =>
    (await t.store.db.selectFrom('audit_log').select('id').where('outcome', '=', 'denied').execute()).length;

  it('keeps one audit chain under many parallel denied requests', async () => {
    const officer = await signInNewUser(t, 'officer', '沙湾镇');
    const other = await signInNewUser(t, 'officer', '石基镇');
    const { id } = (await officer.post('/api/items', DRAFT)).json();
    const answers = await Promise.all(Array.from({ length: 40 }, () => other.get(`/api/items/${id}`)));
    expect(answers.every((a) => a.statusCode === 404)).toBe(true);
    expect(await verifyAudit(t.store.db)).toMatchObject({ ok: true });
  });

  it('counts parallel wrong passwords, so they lock the account too', async () => {
    const user = await buildUser(t.store.db, 'editor');
    await Promise.all(Array.from({ length: 8 }, () => login(user.username, 'wrong')));
    expect((await login(user.username, user.password)).statusCode).toBe(423);
  });

  it('locks an account after 5 wrong TOTP codes', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const client = await loginAs(t.app, user.username, user.password);
    const { secret } = (await client.post('/api/auth/totp/setup')).json();
    await client.post('/api/auth/totp/confirm', { code: totpCode(secret, t.clock.now()) });
    const wrong = totpCode(secret, new Date(t.clock.time + 10 * 60_000));
    for (let i = 0; i < 4; i++) expect((await login(user.username, user.password, wrong)).statusCode).toBe(401);
    expect((await login(user.username, user.password, wrong)).statusCode).toBe(423);
    expect((await login(user.username, user.password, totpCode(secret, t.clock.now()))).statusCode).toBe(423);
  });

  it('accepts a TOTP code once', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const client = await loginAs(t.app, user.username, user.password);
    const { secret } = (await client.post('/api/auth/totp/setup')).json();
    // Confirmed with the previous step's code, so the current step's is still unused.
    await client.post('/api/auth/totp/confirm', { code: totpCode(secret, new Date(t.clock.time - 30_000)) });
    const code = totpCode(secret, t.clock.now());
    expect((await login(user.username, user.password, code)).statusCode).toBe(200);
    expect((await login(user.username, user.password, code)).statusCode).toBe(401);
    t.clock.advance(30_000);
    expect((await login(user.username, user.password, totpCode(secret, t.clock.now()))).statusCode).toBe(200);
  });

  it('locks the account and ends the session after 5 wrong current passwords', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const client = await loginAs(t.app, user.username, user.password);
    for (let i = 0; i < 4; i++)
      expect((await client.post('/api/auth/password', { current: 'guess', next: 'Another#Pass2026' })).statusCode).toBe(
        400
      );
    expect((await client.post('/api/auth/password', { current: 'guess', next: 'Another#Pass2026' })).statusCode).toBe(
      423
    );
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('lets no administrator make or take over another: the second security administrator and admin password resets are refused', async () => {
    const admin = await signInNewUser(t, 'sys_admin');
    await buildUser(t.store.db, 'security_admin');
    const second = await admin.post('/api/accounts', {
      username: 'sec2',
      displayName: '安全二',
      role: 'security_admin',
      unitId: null,
    });
    expect(second.statusCode).toBe(403);
    expect(second.json().message).toBe('已有安全管理员账号；管理员角色须由安全管理员分配');
    const accounts = (await admin.get('/api/accounts')).json() as {
      id: number;
      role: string;
      version: number;
      username: string;
    }[];
    const security = accounts.find((a) => a.role === 'security_admin')!;
    const reset = await admin.post(`/api/accounts/${security.id}/password-reset`, { version: security.version });
    expect(reset.statusCode).toBe(403);
    const cli = await govinfo(t.store.location, 'account', 'reset-password', security.username);
    expect(cli.status).toBe(0);
    const password = /一次性密码：(\S+)/.exec(cli.stdout)![1];
    expect(
      (await loginAs(t.app, security.username, password).then((c) => c.get('/api/auth/me'))).json().mustChangePassword
    ).toBe(true);
  });

  it('audits refusals decided inside a use case', async () => {
    const officer = await signInNewUser(t, 'officer', '沙湾镇');
    const reviewer = await signInNewUser(t, 'reviewer', '沙湾镇');
    const { id } = (await officer.post('/api/items', DRAFT)).json();
    const before = await deniedCount();
    const { version } = (await reviewer.get(`/api/items/${id}`)).json();
    expect((await reviewer.post(`/api/items/${id}/transitions`, { action: 'sign', version })).statusCode).toBe(403);
    expect(await deniedCount()).toBe(before + 1);
  });

  it('takes an item returned for revision out of the district’s sight until it is sent again', async () => {
    const officer = await signInNewUser(t, 'officer', '沙湾镇');
    const reviewer = await signInNewUser(t, 'reviewer', '沙湾镇');
    const editor = await signInNewUser(t, 'editor');
    const { id } = (await officer.post('/api/items', DRAFT)).json();
    const act = async (client: ApiClient, action: string, comment?: string) => {
      const { version } = (await client.get(`/api/items/${id}`)).json();
      return client.post(`/api/items/${id}/transitions`, { action, version, comment });
    };
    await act(officer, 'submit_for_review');
    await act(reviewer, 'approve');
    await act(editor, 'receive');
    expect((await act(editor, 'return_for_revision', '请补充数据')).json().status).toBe('returned');
    expect((await editor.get(`/api/items/${id}`)).statusCode).toBe(404);
    await act(officer, 'submit_for_review');
    expect((await editor.get(`/api/items/${id}`)).statusCode).toBe(404);
    await act(reviewer, 'approve');
    expect((await editor.get(`/api/items/${id}`)).statusCode).toBe(200);
  });

  it('shows a unit its own live scores only', async () => {
    const officer = await signInNewUser(t, 'officer', '沙湾镇');
    const units = (await officer.get('/api/scores?year=2026')).json().units;
    expect(units.map((u: { unit: string }) => u.unit)).toEqual(['沙湾镇']);
    const editor = await signInNewUser(t, 'editor');
    expect((await editor.get('/api/scores?year=2026')).json().units).toHaveLength(80);
  });

  it('refuses a paper-copy date once the item is sent, and an impossible one before', async () => {
    const officer = await signInNewUser(t, 'officer', '沙湾镇');
    const reviewer = await signInNewUser(t, 'reviewer', '沙湾镇');
    const principal = await signInNewUser(t, 'principal', '沙湾镇');
    const { id } = (await officer.post('/api/items', { ...DRAFT, isMajor: true })).json();
    const version = async () => (await officer.get(`/api/items/${id}`)).json().version;
    expect(
      (await officer.post(`/api/items/${id}/paper-copy`, { version: await version(), date: '2026-99-99' })).statusCode
    ).toBe(400);
    expect(
      (await officer.post(`/api/items/${id}/paper-copy`, { version: await version(), date: '2030-01-01' })).statusCode
    ).toBe(400);
    expect(
      (await officer.post(`/api/items/${id}/paper-copy`, { version: await version(), date: '2026-03-19' })).statusCode
    ).toBe(200);
    await officer.post(`/api/items/${id}/transitions`, { action: 'submit_for_review', version: await version() });
    await reviewer.post(`/api/items/${id}/transitions`, { action: 'approve', version: await version() });
    await principal.post(`/api/items/${id}/transitions`, { action: 'sign', version: await version() });
    expect(
      (await officer.post(`/api/items/${id}/paper-copy`, { version: await version(), date: '2026-03-20' })).statusCode
    ).toBe(409);
  });

  it('keeps the audit administrator to the audit log', async () => {
    const auditor = await loginAs(t.app, (await buildUser(t.store.db, 'audit_admin')).username, TEST_PASSWORD);
    for (const url of ['/api/units', '/api/series', '/api/policies', '/api/items', '/api/scores?year=2026']) {
      expect((await auditor.get(url)).statusCode, url).toBe(403);
    }
    expect((await auditor.get('/api/audit')).statusCode).toBe(200);
  });
});

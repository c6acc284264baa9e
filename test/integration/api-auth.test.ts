import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/security/totp.js';
import { ensureFirstAdmin } from '../../src/services/auth/ensure-first-admin.js';
import { verifyAudit } from '../../src/services/audit/verify-audit.js';
import { buildUser, TEST_PASSWORD } from '../factories/user.factory.js';
import { ApiClient, createTestApp, loginAs, type TestApp } from '../helpers/test-app.js';
import { dialect, isDialectAvailable } from '../helpers/test-store.js';

const MINUTE = 60_000;

describe.skipIf(!isDialectAvailable)('API: sign-in, sessions and security', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t?.cleanup());

  const audit = () => t.store.db.selectFrom('audit_log').selectAll().orderBy('id').execute();

  it('answers health, the OpenAPI document and the browsable docs', async () => {
    expect((await t.app.inject('/api/health')).json()).toEqual({ status: 'ok', database: 'reachable' });
    const openapi = (await t.app.inject('/api/openapi.json')).json();
    expect(openapi.openapi).toBe('3.0.3');
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/accounts']));
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('sends security headers and no-store on API answers', async () => {
    const response = await t.app.inject('/api/health');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('sets HttpOnly SameSite=Strict cookies, Secure only behind HTTPS', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const plain = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: user.password },
    });
    const session = plain.cookies.find((c) => c.name === 'govinfo_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(session.secure).toBeUndefined();
    expect(plain.cookies.find((c) => c.name === 'govinfo_csrf')?.httpOnly).toBeUndefined();

    const behindProxy = await createTestApp({ trustProxy: true });
    try {
      const proxied = await buildUser(behindProxy.store.db, 'editor');
      const https = await behindProxy.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: proxied.username, password: proxied.password },
      });
      expect(https.cookies.find((c) => c.name === 'govinfo_session')?.secure).toBe(true);
    } finally {
      await behindProxy.cleanup();
    }
  });

  it("answers the pages' session probe with 200 whether or not anyone is signed in, and audits no anonymous probe", async () => {
    const before = (await audit()).length;
    const anonymous = await t.app.inject('/api/auth/session');
    expect(anonymous.statusCode).toBe(200);
    // The login page names the office the system serves, from the seeded roster's district.
    expect(anonymous.json()).toEqual({
      session: null,
      office: '广州市番禺区人民政府办公室',
      bulletin: '《番府信息》(工作通讯)',
    });
    const stale = await t.app.inject({
      url: '/api/auth/session',
      headers: { cookie: 'govinfo_session=not-a-session' },
    });
    expect(stale.json()).toMatchObject({ session: null });
    expect((await audit()).length).toBe(before);

    const user = await buildUser(t.store.db, 'officer', '沙湾镇');
    const client = await loginAs(t.app, user.username, user.password);
    const signedIn = (await client.get('/api/auth/session')).json();
    expect(signedIn.session).toMatchObject({
      csrfToken: client.csrfToken,
      mustChangePassword: false,
      user: { username: user.username, role: 'officer', unit: { name: '沙湾镇' } },
    });
    // Nothing beyond the view leaks through the probe.
    expect(Object.keys(signedIn.session.user).sort()).toEqual([
      'displayName',
      'id',
      'role',
      'roleName',
      'totpEnabled',
      'unit',
      'username',
    ]);
  });

  it('gives a new session id at every login and ends the old one', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const first = await loginAs(t.app, user.username, user.password);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: `govinfo_session=${first.token}` },
      payload: { username: user.username, password: user.password },
    });
    const token = second.cookies.find((c) => c.name === 'govinfo_session')!.value;
    expect(token).not.toBe(first.token);
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('creates the first administrator once, who must change the one-time password before anything else', async () => {
    const password = await ensureFirstAdmin(t.store.db, undefined, t.clock.now());
    expect(password).toMatch(/.{12,}/);
    expect(await ensureFirstAdmin(t.store.db, undefined, t.clock.now())).toBeUndefined();

    const admin = await loginAs(t.app, 'admin', password!);
    expect((await admin.get('/api/auth/me')).json()).toMatchObject({
      mustChangePassword: true,
      user: { role: 'sys_admin', roleName: '系统管理员' },
    });
    const blocked = await admin.get('/api/accounts');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().message).toBe('请先修改密码');

    const weak = await admin.post('/api/auth/password', { current: password, next: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0]).toMatchObject({ field: 'next' });
    expect(weak.json().message).toContain('至少三类');
    expect((await admin.post('/api/auth/password', { current: password, next: 'P@ssw0rd' })).json().message).toContain(
      '过于常见'
    );
    expect((await admin.post('/api/auth/password', { current: 'wrong', next: 'Gu4ng-Zhou#2026' })).json().message).toBe(
      '当前密码不正确'
    );

    // The second factor is bound only once the one-time password is replaced.
    expect((await admin.post('/api/auth/totp/setup')).json().message).toBe('请先修改密码');
    expect((await admin.post('/api/auth/password', { current: password, next: 'Gu4ng-Zhou#2026' })).statusCode).toBe(
      200
    );
    // Issue 10, finding 6: an administrator binds TOTP before any other page works.
    const untilBound = await admin.get('/api/accounts');
    expect(untilBound.statusCode).toBe(403);
    expect(untilBound.json().message).toBe('请先绑定双因素认证（TOTP）');
    const { secret } = (await admin.post('/api/auth/totp/setup')).json();
    expect((await admin.post('/api/auth/totp/confirm', { code: totpCode(secret, t.clock.now()) })).statusCode).toBe(
      200
    );
    expect((await admin.get('/api/accounts')).statusCode).toBe(200);
  });

  it('refuses the last three passwords again', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const client = await loginAs(t.app, user.username, user.password);
    const passwords = [TEST_PASSWORD, 'Second#Pass2026', 'Third#Pass2026', 'Fourth#Pass2026'];
    for (let i = 1; i < passwords.length; i++) {
      expect(
        (await client.post('/api/auth/password', { current: passwords[i - 1], next: passwords[i] })).statusCode
      ).toBe(200);
    }
    const reuse = await client.post('/api/auth/password', { current: passwords[3], next: passwords[2] });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().message).toBe('新密码不能与最近 3 次使用过的密码相同');
    expect((await client.post('/api/auth/password', { current: passwords[3], next: passwords[0] })).statusCode).toBe(
      200
    );
  });

  it('makes a password expire after 90 days (configurable), after which only a new one may be set', async () => {
    const user = await buildUser(t.store.db, 'editor', null, t.clock.now());
    t.clock.advance(89 * 24 * 60 * MINUTE);
    expect(
      (await (await loginAs(t.app, user.username, user.password)).get('/api/auth/me')).json().mustChangePassword
    ).toBe(false);
    t.clock.advance(2 * 24 * 60 * MINUTE);
    const client = await loginAs(t.app, user.username, user.password);
    expect((await client.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    expect((await client.get('/api/items')).json().message).toBe('请先修改密码');
    expect(
      (await client.post('/api/auth/password', { current: user.password, next: 'Renewed#Pass2026' })).statusCode
    ).toBe(200);
    expect((await client.get('/api/items')).statusCode).toBe(200);
  });

  it('locks an account for 15 minutes after 5 failed logins', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password } });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong')).statusCode).toBe(401);
    const fifth = await attempt('wrong');
    expect(fifth.statusCode).toBe(423);
    const locked = await attempt(user.password);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().message).toContain('账号已锁定');
    t.clock.advance(14 * MINUTE);
    expect((await attempt(user.password)).statusCode).toBe(423);
    t.clock.advance(2 * MINUTE);
    expect((await attempt(user.password)).statusCode).toBe(200);
    const outcomes = (await audit()).filter((e) => e.action === 'login').map((e) => e.outcome);
    expect(outcomes).toEqual(['failed', 'failed', 'failed', 'failed', 'failed', 'denied', 'denied', 'ok']);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'x' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual({ error: 'unauthenticated', message: '用户名或密码错误' });
  });

  it('requires the CSRF token on every state-changing request', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const client = await loginAs(t.app, user.username, user.password);
    const missing = await client.request(
      'POST',
      '/api/auth/password',
      { current: user.password, next: 'Another#Pass2026' },
      { csrf: false }
    );
    expect(missing.statusCode).toBe(403);
    expect(missing.json().message).toContain('CSRF');
    const wrong = await client.request(
      'POST',
      '/api/auth/password',
      { current: user.password, next: 'Another#Pass2026' },
      { csrf: false, headers: { 'x-csrf-token': 'forged' } }
    );
    expect(wrong.statusCode).toBe(403);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await audit()).filter((e) => e.outcome === 'denied').map((e) => JSON.parse(e.after!).reason)).toEqual([
      'csrf',
      'csrf',
    ]);
  });

  it('ends a session after 30 idle minutes and 12 hours in all', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const idle = await loginAs(t.app, user.username, user.password);
    t.clock.advance(29 * MINUTE);
    expect((await idle.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * MINUTE);
    expect((await idle.get('/api/auth/me')).statusCode).toBe(401);

    const busy = await loginAs(t.app, user.username, user.password);
    for (let elapsed = 0; elapsed < 12 * 60; elapsed += 20) {
      expect((await busy.get('/api/auth/me')).statusCode, `after ${elapsed} minutes`).toBe(200);
      t.clock.advance(20 * MINUTE);
    }
    t.clock.advance(MINUTE);
    expect((await busy.get('/api/auth/me')).statusCode).toBe(401);
  });

  it("writes a session's last use at most once a minute, and the idle limit still counts from the last request", async () => {
    const user = await buildUser(t.store.db, 'editor');
    const client = await loginAs(t.app, user.username, user.password);
    const lastSeen = async () =>
      (
        await t.store.db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('user_id', '=', user.id)
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    const signedInAt = await lastSeen();

    // Reads within a minute of the last write leave the row alone.
    t.clock.advance(30_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect(await lastSeen()).toBe(signedInAt);
    t.clock.advance(31_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect(await lastSeen()).toBe(t.clock.now().toISOString());

    // Requests every 50 seconds, each within a minute of the one before, keep it alive well past 30 minutes.
    for (let elapsed = 0; elapsed < 45 * MINUTE; elapsed += 50_000) {
      t.clock.advance(50_000);
      expect((await client.get('/api/auth/me')).statusCode, `after ${elapsed / 1000} s`).toBe(200);
    }
    // The row may lag the last request by up to a minute, so 29 idle minutes are allowed…
    t.clock.advance(29 * MINUTE);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    // …and 30 minutes and a second after the last request the session is over, however recent its last write.
    const other = await loginAs(t.app, user.username, user.password);
    t.clock.advance(30_000);
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(30 * MINUTE + 1_000);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await other.get('/api/auth/me')).statusCode, 'an ended session stays ended').toBe(401);
  });

  it('logout and disabling an account end their sessions', async () => {
    const admin = await buildUser(t.store.db, 'sys_admin');
    const user = await buildUser(t.store.db, 'editor');
    const client = await loginAs(t.app, user.username, user.password);
    const other = await loginAs(t.app, user.username, user.password);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);

    const adminClient = await loginAs(t.app, admin.username, admin.password);
    const account = (await adminClient.get('/api/accounts')).json().find((a: { id: number }) => a.id === user.id);
    expect(
      (await adminClient.patch(`/api/accounts/${user.id}`, { version: account.version, isDisabled: true })).statusCode
    ).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: user.username, password: user.password },
        })
      ).statusCode
    ).toBe(401);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const admin = await loginAs(t.app, (await buildUser(t.store.db, 'sys_admin')).username, TEST_PASSWORD);
    const user = await buildUser(t.store.db, 'editor');
    const version = (await admin.get('/api/accounts')).json().find((a: { id: number }) => a.id === user.id).version;
    expect((await admin.patch(`/api/accounts/${user.id}`, { version, displayName: '张三' })).statusCode).toBe(200);
    const stale = await admin.patch(`/api/accounts/${user.id}`, { version, displayName: '李四' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('该账号已被他人修改，请刷新后重试');
    expect((await admin.get('/api/accounts')).json().find((a: { id: number }) => a.id === user.id).displayName).toBe(
      '张三'
    );
  });

  it('keeps the three administrator duties apart: only the security administrator assigns roles', async () => {
    const sysAdmin = await loginAs(t.app, (await buildUser(t.store.db, 'sys_admin')).username, TEST_PASSWORD);
    const secAdmin = await loginAs(t.app, (await buildUser(t.store.db, 'security_admin')).username, TEST_PASSWORD);
    const auditAdmin = await loginAs(t.app, (await buildUser(t.store.db, 'audit_admin')).username, TEST_PASSWORD);
    const user = await buildUser(t.store.db, 'officer', '沙湾镇');
    const version = (await secAdmin.get('/api/accounts')).json().find((a: { id: number }) => a.id === user.id).version;
    expect(
      (await sysAdmin.put(`/api/accounts/${user.id}/role`, { version, role: 'editor', unitId: null })).statusCode
    ).toBe(403);
    expect((await auditAdmin.get('/api/accounts')).statusCode).toBe(403);
    const unitMissing = await secAdmin.put(`/api/accounts/${user.id}/role`, {
      version,
      role: 'reviewer',
      unitId: null,
    });
    expect(unitMissing.statusCode).toBe(400);
    expect(unitMissing.json().message).toBe('分管领导（审核）须属于一个报送单位');
    expect(
      (await secAdmin.put(`/api/accounts/${user.id}/role`, { version, role: 'editor', unitId: null })).statusCode
    ).toBe(200);
  });

  it('names every invalid field in Chinese', async () => {
    const admin = await loginAs(t.app, (await buildUser(t.store.db, 'sys_admin')).username, TEST_PASSWORD);
    const response = await admin.post('/api/accounts', { username: 'ab', role: 'king', unitId: null, extra: 1 });
    expect(response.statusCode).toBe(400);
    const labels = response.json().fields.map((f: { label: string }) => f.label);
    expect(labels).toEqual(expect.arrayContaining(['用户名', '姓名', '角色', 'extra']));
    expect(response.json().message).toContain('“用户名”至少 3 个字符');
    expect(response.json().message).toContain('缺少“姓名”');
  });

  it('limits login attempts per client address', async () => {
    const limited = await createTestApp({ loginRateLimit: 3 });
    try {
      const attempt = () =>
        limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const refused = await attempt();
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBeDefined();
      limited.clock.advance(MINUTE);
      expect((await attempt()).statusCode).toBe(401);
    } finally {
      await limited.cleanup();
    }
  });

  it('supports a TOTP second factor, and enforces it per role', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const client = await loginAs(t.app, user.username, user.password);
    const { secret } = (await client.post('/api/auth/totp/setup')).json();
    expect((await client.post('/api/auth/totp/confirm', { code: '000000' })).statusCode).toBe(400);
    expect((await client.post('/api/auth/totp/confirm', { code: totpCode(secret, t.clock.now()) })).statusCode).toBe(
      200
    );

    const withoutCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: user.password },
    });
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json()).toMatchObject({ message: '请输入双因素认证码', totpRequired: true });
    // The code that confirmed the binding was used once already; the next time step's code signs in.
    const confirmingCode = totpCode(secret, t.clock.now());
    await expect(loginAs(t.app, user.username, user.password, confirmingCode)).rejects.toThrow(/401/);
    const nextCode = totpCode(secret, new Date(t.clock.time + 30_000));
    await expect(loginAs(t.app, user.username, user.password, nextCode)).resolves.toBeInstanceOf(ApiClient);

    // The three administrators by default; an office extends the requirement to other roles.
    const leader = await buildUser(t.store.db, 'office_leader');
    const secAdmin = await loginAs(t.app, (await buildUser(t.store.db, 'security_admin')).username, TEST_PASSWORD);
    const settings = (await secAdmin.get('/api/security-settings')).json();
    expect(settings.totpRequiredRoles).toEqual(['sys_admin', 'security_admin', 'audit_admin']);
    const extended = [...settings.totpRequiredRoles, 'office_leader'];
    expect(
      (await secAdmin.put('/api/security-settings', { ...settings, totpRequiredRoles: extended })).statusCode
    ).toBe(200);
    const leaderClient = await loginAs(t.app, leader.username, leader.password);
    expect((await leaderClient.get('/api/auth/me')).json().mustEnrollTotp).toBe(true);
    expect((await leaderClient.get('/api/results')).json().message).toBe('请先绑定双因素认证（TOTP）');
  });

  it('chains the audit log with SM3 and finds an altered or removed entry', async () => {
    const user = await buildUser(t.store.db, 'editor');
    await loginAs(t.app, user.username, user.password);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'wrong' },
    });
    await t.app.inject('/api/accounts');
    expect(await verifyAudit(t.store.db)).toEqual({ ok: true, entries: (await audit()).length });

    const entries = await audit();
    const target = entries[1];
    // The table refuses changes; an attacker with database access would drop the guard first.
    if (dialect === 'postgres')
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(t.store.db);
    else await sql`drop trigger audit_log_no_update`.execute(t.store.db);
    await t.store.db.updateTable('audit_log').set({ actor: 'intruder' }).where('id', '=', target.id).execute();
    expect(await verifyAudit(t.store.db)).toMatchObject({ ok: false, brokenAt: target.id });
  });

  it('refuses to edit or delete audit entries at the database', async () => {
    await buildUser(t.store.db, 'editor');
    await expect(t.store.db.updateTable('audit_log').set({ actor: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.store.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});

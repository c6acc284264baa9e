import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../factories/user.factory.js';
import { govinfo } from '../helpers/cli.js';
import { createTestApp, loginAs, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

interface AccountRow {
  id: number;
  username: string;
  role: string;
  version: number;
  isDisabled: boolean;
}

/**
 * Issue 10, finding 4: the three administrators (三员) cannot take over or shut out one another
 * through the web; what would let them needs the server's command line, and both the refusal and
 * the command are audited.
 */
describe.skipIf(!isDialectAvailable)('API: separation of the three administrators', () => {
  let t: TestApp;
  let sysAdmin: ApiClient;
  let security: ApiClient;
  let sysAdminName: string;
  beforeEach(async () => {
    t = await createTestApp();
    sysAdminName = (await buildUser(t.store.db, 'sys_admin')).username;
    sysAdmin = await loginAs(t.app, sysAdminName, TEST_PASSWORD);
    security = await loginAs(t.app, (await buildUser(t.store.db, 'security_admin')).username, TEST_PASSWORD);
  });
  afterEach(async () => t?.cleanup());

  const account = async (username: string) =>
    ((await security.get('/api/accounts')).json() as AccountRow[]).find((a) => a.username === username)!;
  const auditOf = (action: string, outcome: string) =>
    t.store.db
      .selectFrom('audit_log')
      .select(['actor', 'object_id', 'before', 'after'])
      .where('action', '=', action)
      .where('outcome', '=', outcome)
      .execute();

  it('(a) never makes an administrator of an account whose password the system administrator issued', async () => {
    const created = await sysAdmin.post('/api/accounts', {
      username: 'mole',
      displayName: '内应',
      role: 'editor',
      unitId: null,
    });
    expect(created.statusCode).toBe(201);
    const { password } = created.json();
    const grant = async () => {
      const mole = await account('mole');
      return security.put(`/api/accounts/${mole.id}/role`, {
        version: mole.version,
        role: 'audit_admin',
        unitId: null,
      });
    };
    const refused = await grant();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('govinfo account reset-password mole');

    // Changing the one-time password first (as the system administrator could, knowing it) does not help.
    const asMole = await loginAs(t.app, 'mole', password);
    expect((await asMole.post('/api/auth/password', { current: password, next: 'Mo-Le#2026ok' })).statusCode).toBe(200);
    expect((await grant()).statusCode).toBe(403);
    const denials = await auditOf('access', 'denied');
    expect(denials.filter((d) => d.after?.includes('govinfo account reset-password mole'))).toHaveLength(2);

    // The server issues the password: then the role may be granted, and its first login is the owner's.
    const cli = await govinfo(t.store.location, 'account', 'reset-password', 'mole');
    expect(cli.status).toBe(0);
    expect((await grant()).statusCode).toBe(200);
    const resets = await auditOf('reset_password', 'ok');
    expect(resets.at(-1)).toMatchObject({
      actor: expect.stringMatching(/^cli:/),
      after: expect.stringContaining('cli'),
    });
  });

  it('(a) shows no one-time password for a new administrator account: the server issues it', async () => {
    const created = await sysAdmin.post('/api/accounts', {
      username: 'auditor',
      displayName: '审计员',
      role: 'audit_admin',
      unitId: null,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().password).toBeNull();
    const withPassword = await sysAdmin.post('/api/accounts', {
      username: 'auditor2',
      displayName: '审计员',
      role: 'editor',
      unitId: null,
      password: 'Known#Pass2026',
    });
    expect(withPassword.statusCode).toBe(201);
    const cli = await govinfo(t.store.location, 'account', 'reset-password', 'auditor');
    const oneTime = /一次性密码：(\S+)/.exec(cli.stdout)![1];
    const auditor = await loginAs(t.app, 'auditor', oneTime);
    expect((await auditor.get('/api/auth/me')).json()).toMatchObject({
      mustChangePassword: true,
      mustEnrollTotp: true,
    });
  });

  it('(b) refuses to let the system administrator disable the audit administrator; the server command does, audited', async () => {
    const auditorName = (await buildUser(t.store.db, 'audit_admin')).username;
    const auditor = await loginAs(t.app, auditorName, TEST_PASSWORD);
    const target = await account(auditorName);
    const refused = await sysAdmin.patch(`/api/accounts/${target.id}`, { version: target.version, isDisabled: true });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe(
      `管理员账号不能在系统中停用或启用；请在服务器上运行 govinfo account disable ${auditorName}`
    );
    expect((await auditor.get('/api/audit')).statusCode).toBe(200);
    expect((await auditOf('access', 'denied')).some((d) => d.after?.includes('停用或启用'))).toBe(true);
    // Other details of an administrator's account stay the system administrator's to edit.
    expect(
      (await sysAdmin.patch(`/api/accounts/${target.id}`, { version: target.version, phone: '020-84600000' }))
        .statusCode
    ).toBe(200);

    const cli = await govinfo(t.store.location, 'account', 'disable', auditorName);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(`已停用账号 ${auditorName}`);
    expect((await auditor.get('/api/audit')).statusCode).toBe(401);
    const changes = await auditOf('update_account', 'ok');
    expect(changes.at(-1)).toMatchObject({ actor: expect.stringMatching(/^cli:/) });
    expect(JSON.parse(changes.at(-1)!.after!)).toMatchObject({ is_disabled: 1, channel: 'cli' });
    expect((await govinfo(t.store.location, 'account', 'enable', auditorName)).status).toBe(0);
    expect((await account(auditorName)).isDisabled).toBe(false);
  });

  it('(c) refuses to let the security administrator demote the system administrator; the server command does, audited', async () => {
    const target = await account(sysAdminName);
    const refused = await security.put(`/api/accounts/${target.id}/role`, {
      version: target.version,
      role: 'editor',
      unitId: null,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe(
      `系统管理员的角色不能在系统中变更；请在服务器上运行 govinfo account set-role ${sysAdminName} <角色>`
    );
    expect((await sysAdmin.get('/api/accounts')).statusCode).toBe(200);
    expect((await auditOf('access', 'denied')).some((d) => d.after?.includes('角色不能在系统中变更'))).toBe(true);

    const cli = await govinfo(t.store.location, 'account', 'set-role', sysAdminName, 'editor');
    expect(cli.status).toBe(0);
    expect((await account(sysAdminName)).role).toBe('editor');
    expect((await sysAdmin.get('/api/accounts')).statusCode).toBe(401);
    const grants = await auditOf('assign_role', 'ok');
    expect(grants.at(-1)).toMatchObject({ actor: expect.stringMatching(/^cli:/) });
    expect(JSON.parse(grants.at(-1)!.after!)).toMatchObject({ role: 'editor', channel: 'cli' });

    const unknownRole = await govinfo(t.store.location, 'account', 'set-role', sysAdminName, 'boss');
    expect(unknownRole.status).toBe(1);
    expect(unknownRole.stderr).toContain('角色“boss”不存在');
    const noUnit = await govinfo(t.store.location, 'account', 'set-role', sysAdminName, 'officer');
    expect(noUnit.stderr).toContain('--unit');
    const officer = await govinfo(t.store.location, 'account', 'set-role', sysAdminName, 'officer', '--unit', '沙湾镇');
    expect(officer.status).toBe(0);
  });
});

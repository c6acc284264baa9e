/** 账号与角色: the system administrator edits an account's name, unit and phone — checked, audited, versioned. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildUser } from '../factories/user.factory.js';
import { createTestApp, loginAs, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

describe.skipIf(!isDialectAvailable)('API: editing accounts', () => {
  let t: TestApp;
  let admin: ApiClient;
  let officer: { id: number; username: string; password: string };
  let unitId: (name: string) => number;

  beforeEach(async () => {
    t = await createTestApp();
    const sysAdmin = await buildUser(t.store.db, 'sys_admin');
    admin = await loginAs(t.app, sysAdmin.username, sysAdmin.password);
    officer = await buildUser(t.store.db, 'officer', '沙湾镇');
    const units = (await admin.get('/api/units')).json() as { id: number; name: string }[];
    unitId = (name) => units.find((u) => u.name === name)!.id;
  });
  afterEach(async () => t?.cleanup());

  const account = async (id: number) =>
    (
      (await admin.get('/api/accounts')).json() as {
        id: number;
        version: number;
        displayName: string;
        phone: string | null;
        unit: { name: string } | null;
      }[]
    ).find((a) => a.id === id)!;

  it('changes name, unit and phone in one go, signs the officer out of the old unit, and audits before and after', async () => {
    const officerClient = await loginAs(t.app, officer.username, officer.password);
    const { version } = await account(officer.id);
    const saved = await admin.patch(`/api/accounts/${officer.id}`, {
      version,
      displayName: ' 李信息 ',
      unitId: unitId('石基镇'),
      phone: '020-84822345',
    });
    expect(saved.statusCode).toBe(200);
    expect(await account(officer.id)).toMatchObject({
      displayName: '李信息',
      phone: '020-84822345',
      unit: { name: '石基镇' },
      version: version + 1,
    });
    expect((await officerClient.get('/api/items')).statusCode).toBe(401);
    const auditor = await loginAs(t.app, (await buildUser(t.store.db, 'audit_admin')).username, 'Xin-Xi#2026ok');
    const [entry] = (await auditor.get('/api/audit?action=update_account')).json().entries;
    expect(JSON.parse(entry.before)).toMatchObject({
      display_name: expect.stringMatching(/^测试/),
      unit_id: unitId('沙湾镇'),
      phone: null,
    });
    expect(JSON.parse(entry.after)).toMatchObject({
      display_name: '李信息',
      unit_id: unitId('石基镇'),
      phone: '020-84822345',
    });
    expect(entry).toMatchObject({ action_label: '修改账号', object_name: '李信息（石基镇）' });
  });

  it('refuses a stale version with 409, a blank name or bad phone with the field named, and a unit for a district role', async () => {
    const { version } = await account(officer.id);
    expect((await admin.patch(`/api/accounts/${officer.id}`, { version, phone: '13800138000' })).statusCode).toBe(200);
    const stale = await admin.patch(`/api/accounts/${officer.id}`, { version, displayName: '王五' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('已被他人修改');
    const current = (await account(officer.id)).version;
    const blank = await admin.patch(`/api/accounts/${officer.id}`, { version: current, displayName: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(JSON.stringify(blank.json())).toContain('姓名');
    const phone = await admin.patch(`/api/accounts/${officer.id}`, { version: current, phone: 'abc' });
    expect(phone.statusCode).toBe(400);
    expect(JSON.stringify(phone.json())).toContain('电话');
    // A unit role keeps a unit; a district role has none.
    expect((await admin.patch(`/api/accounts/${officer.id}`, { version: current, unitId: null })).statusCode).toBe(400);
    const editor = await buildUser(t.store.db, 'editor');
    const editorVersion = (await account(editor.id)).version;
    expect(
      (await admin.patch(`/api/accounts/${editor.id}`, { version: editorVersion, unitId: unitId('沙湾镇') })).statusCode
    ).toBe(400);
    expect(
      (
        await admin.patch(`/api/accounts/${editor.id}`, {
          version: editorVersion,
          displayName: '调研科 陈编辑',
          phone: '',
        })
      ).statusCode
    ).toBe(200);
    expect(await account(editor.id)).toMatchObject({ displayName: '调研科 陈编辑', phone: null, unit: null });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/services/audit/verify-audit.js';
import { buildUser } from '../factories/user.factory.js';
import { createTestApp, loginAs, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import type { Role } from '../../src/shared/roles.js';
import { isDialectAvailable } from '../helpers/test-store.js';
import { DRAFT } from '../factories/item.factory.js';

const DAY = 86_400_000;

describe.skipIf(!isDialectAvailable)(
  'API: solicitations, deductions, registry, training, results and the audit log',
  () => {
    let t: TestApp;
    let officer: ApiClient;
    let reviewer: ApiClient;
    let editor: ApiClient;
    let leader: ApiClient;
    let auditor: ApiClient;
    let editorName: string;
    let shawanId: number;
    let shijiId: number;

    beforeEach(async () => {
      t = await createTestApp();
      const login = (role: Role, unit: string | null = null) => signInNewUser(t, role, unit);
      officer = await login('officer', '沙湾镇');
      reviewer = await login('reviewer', '沙湾镇');
      const editorUser = await buildUser(t.store.db, 'editor');
      editorName = editorUser.username;
      editor = await loginAs(t.app, editorUser.username, editorUser.password);
      leader = await login('office_leader');
      auditor = await login('audit_admin');
      const units = (await editor.get('/api/units')).json() as { id: number; name: string }[];
      shawanId = units.find((u) => u.name === '沙湾镇')!.id;
      shijiId = units.find((u) => u.name === '石基镇')!.id;
    });
    afterEach(async () => t?.cleanup());

    const points = async (unit: string, quarter = 1) =>
      (await editor.get('/api/scores?year=2026')).json().units.find((u: { unit: string }) => u.unit === unit).quarters[
        quarter - 1
      ].points;
    const sendItem = async () => {
      const { id } = (await officer.post('/api/items', DRAFT)).json();
      for (const [client, action] of [
        [officer, 'submit_for_review'],
        [reviewer, 'approve'],
      ] as const) {
        const { version } = (await client.get(`/api/items/${id}`)).json();
        expect((await client.post(`/api/items/${id}/transitions`, { action, version })).statusCode).toBe(200);
      }
      return id as number;
    };

    it('a solicitation answered in time earns +2 once adopted; a unit that misses the deadline loses 5 on the deadline, by itself', async () => {
      const created = await editor.post('/api/solicitations', {
        issuer: 'district',
        title: '关于报送防汛工作情况的约稿',
        requirements: '500字以内',
        deadline: '2026-03-25',
        unitIds: [shawanId, shijiId],
      });
      expect(created.statusCode).toBe(201);
      const solicitationId = created.json().id;

      const mine = (await officer.get('/api/solicitations')).json();
      expect(mine).toEqual([
        expect.objectContaining({
          title: '关于报送防汛工作情况的约稿',
          deadline: '2026-03-25',
          daysLeft: 5,
          state: 'pending',
        }),
      ]);

      const itemId = (await officer.post('/api/items', DRAFT)).json().id;
      expect((await officer.post(`/api/solicitations/${solicitationId}/responses`, { itemId })).statusCode).toBe(201);
      for (const [client, action] of [
        [officer, 'submit_for_review'],
        [reviewer, 'approve'],
        [editor, 'receive'],
      ] as const) {
        const { version } = (await client.get(`/api/items/${itemId}`)).json();
        await client.post(`/api/items/${itemId}/transitions`, { action, version });
      }
      await editor.post(`/api/items/${itemId}/adoptions`, { outlet: 'dynamic', date: '2026-03-20' });
      expect(await points('沙湾镇')).toBe(3 + 2);
      expect(await points('石基镇')).toBe(0);

      t.clock.advance(6 * DAY);
      editor = await loginAs(t.app, editorName, 'Xin-Xi#2026ok');
      expect(await points('石基镇')).toBe(-5);
      expect(await points('沙湾镇')).toBe(5);
      const overview = (await editor.get('/api/solicitations')).json()[0];
      expect(overview.counts).toEqual({ on_time: 1, late: 0, missing: 1, pending: 0 });
    });

    it('records deductions, warns of a repeated lateness deduction, and removes one recorded by mistake', async () => {
      await editor.post('/api/solicitations', {
        issuer: 'city',
        title: '约稿',
        deadline: '2026-03-10',
        unitIds: [shijiId],
      });
      const late = await editor.post('/api/penalties', {
        unitId: shijiId,
        reason: 'late_solicitation',
        date: '2026-03-15',
        note: '迟报',
      });
      expect(late.json().warnings).toEqual([expect.stringContaining('已因未在截止日期 2026-03-10 前报送约稿')]);
      const criticism = (
        await editor.post('/api/penalties', { unitId: shijiId, reason: 'criticism', date: '2026-03-16' })
      ).json();
      expect(await points('石基镇')).toBe(-5 - 5 - 10);
      expect((await editor.delete(`/api/penalties/${criticism.id}`)).statusCode).toBe(200);
      expect(await points('石基镇')).toBe(-10);
      expect((await officer.get('/api/penalties')).json()).toEqual([]);
    });

    it('keeps the officer registry, with warnings for missing people and officers who do not meet the staffing rule', async () => {
      expect((await editor.get('/api/registry/missing-officers')).json()).toHaveLength(80);
      const before = (await editor.get('/api/registry'))
        .json()
        .find((r: { unit: { name: string } }) => r.unit.name === '沙湾镇');
      expect(before.warnings).toEqual(['未登记分管领导（第一责任人）', '未登记直接责任人', '未登记信息员']);
      expect(before.gaps).toContainEqual({ problem: '未登记信息员', since: null, missing: 'officer' });
      // The unit's officer account is offered as its registry entry until someone of that name is registered.
      const officerAccount = (await editor.get('/api/registry'))
        .json()
        .find((r: { unit: { name: string } }) => r.unit.name === '沙湾镇').unregisteredOfficers;
      expect(officerAccount).toEqual([expect.objectContaining({ name: expect.stringMatching(/^测试/), phone: null })]);
      const contact = {
        name: '陈信息',
        post: '党政办科员',
        mobile: '13800138000',
        staffing: 'permanent',
        startedOn: '2026-01-01',
        noticeDate: '2026-01-05',
      };
      expect((await officer.post(`/api/units/${shawanId}/contacts`, { ...contact, duty: 'officer' })).statusCode).toBe(
        201
      );
      expect((await officer.post(`/api/units/${shijiId}/contacts`, { ...contact, duty: 'officer' })).statusCode).toBe(
        403
      );
      await editor.post(`/api/units/${shawanId}/contacts`, {
        ...contact,
        name: '李领导',
        duty: 'leader',
        staffing: 'civil_servant',
      });
      await editor.post(`/api/units/${shawanId}/contacts`, {
        ...contact,
        name: '王主任',
        duty: 'director',
        staffing: 'civil_servant',
      });
      const mine = (await officer.get('/api/registry')).json();
      expect(mine).toHaveLength(1);
      expect(mine[0].warnings).toEqual(['有 1 名信息员不符合要求（本序列信息员须为在编公务员）']);
      expect(mine[0].gaps).toEqual([
        { problem: '有 1 名信息员不符合要求（本序列信息员须为在编公务员）', since: '2026-01-01' },
      ]);
      expect(
        (await editor.get('/api/registry/missing-officers')).json().map((u: { name: string }) => u.name)
      ).not.toContain('沙湾镇');

      const officerContact = mine[0].contacts.find((c: { duty: string }) => c.duty === 'officer');
      expect(
        (
          await editor.post(`/api/contacts/${officerContact.id}/end`, {
            version: officerContact.version,
            endedOn: '2026-03-01',
            noticeDate: '2026-03-02',
          })
        ).statusCode
      ).toBe(200);
      const after = (await editor.get('/api/registry'))
        .json()
        .find((r: { unit: { name: string } }) => r.unit.name === '沙湾镇');
      expect(after.warnings).toEqual(['未登记信息员']);
      expect(after.history[0]).toMatchObject({ name: '陈信息', endedOn: '2026-03-01', noticeDate: '2026-03-02' });
      const missingPhone = await editor.post(`/api/units/${shawanId}/contacts`, {
        ...contact,
        duty: 'officer',
        mobile: '12',
      });
      expect(missingPhone.json()).toMatchObject({
        message: '手机格式不正确',
        fields: [{ field: 'mobile', label: '手机' }],
      });
      const badEmail = await editor.post(`/api/units/${shawanId}/contacts`, {
        ...contact,
        duty: 'officer',
        email: 'chen at shawan',
      });
      expect(badEmail.statusCode).toBe(400);
      expect(badEmail.json()).toMatchObject({
        message: '电子邮箱格式不正确',
        fields: [{ field: 'email', label: '电子邮箱' }],
      });
      expect(
        (
          await editor.post(`/api/units/${shawanId}/contacts`, {
            ...contact,
            name: '何信息',
            duty: 'officer',
            email: ' he@shawan.example.gov.cn ',
          })
        ).statusCode
      ).toBe(201);
      const registered = (await editor.get('/api/registry'))
        .json()
        .find((r: { unit: { name: string } }) => r.unit.name === '沙湾镇')
        .contacts.find((c: { name: string }) => c.name === '何信息');
      expect(registered.email).toBe('he@shawan.example.gov.cn');
    });

    it('records training sessions with their attendees', async () => {
      const created = await editor.post('/api/trainings', {
        date: '2026-03-12',
        title: '政务信息写作培训',
        organizer: '调研科',
        attendees: [
          { unitId: shawanId, name: '陈信息' },
          { unitId: shijiId, name: '张信息' },
        ],
      });
      expect(created.statusCode).toBe(201);
      expect((await editor.get('/api/trainings')).json()[0].attendees).toHaveLength(2);
      expect((await officer.get('/api/trainings')).json()[0].attendees).toEqual([
        { name: '陈信息', unit: { id: shawanId, name: '沙湾镇' } },
      ]);
    });

    it('publishes a quarter’s results once an office leader approves them', async () => {
      const itemId = await sendItem();
      const { version } = (await editor.get(`/api/items/${itemId}`)).json();
      await editor.post(`/api/items/${itemId}/transitions`, { action: 'receive', version });
      await editor.post(`/api/items/${itemId}/adoptions`, { outlet: 'report', kind: 'headline', date: '2026-03-18' });
      const prepared = await editor.post('/api/results', { year: 2026, quarter: 1 });
      expect(prepared.statusCode).toBe(201);
      expect((await officer.get('/api/results')).json()).toEqual([]);
      const pending = (await leader.get('/api/results')).json()[0];
      expect(pending.status).toBe('pending');
      expect((await leader.post(`/api/results/${pending.id}/approve`, { version: pending.version })).statusCode).toBe(
        200
      );
      const published = (await officer.get('/api/results')).json();
      expect(published[0]).toMatchObject({ year: 2026, quarter: 1, status: 'published' });
      expect(published[0].scores.units.find((u: { unit: string }) => u.unit === '沙湾镇').quarters[0].points).toBe(5);
      expect((await editor.post('/api/results', { year: 2026, quarter: 1 })).statusCode).toBe(409);
      // A finished quarter stands as of its last day (统计截至 9月30日), not the day after.
      expect((await editor.post('/api/results', { year: 2025, quarter: 3 })).statusCode).toBe(201);
      expect((await leader.get('/api/results')).json().find((p: { year: number }) => p.year === 2025)).toMatchObject({
        quarter: 3,
        asOf: '2025-09-30',
      });
    });

    it('shows the audit log to the audit administrator only, filtered and exported, with its chain intact', async () => {
      await sendItem();
      const all = (await auditor.get('/api/audit?pageSize=200')).json();
      expect(all.total).toBeGreaterThan(5);
      const transitions = (await auditor.get('/api/audit?action=item_approve')).json();
      expect(transitions.entries).toHaveLength(1);
      expect(transitions.entries[0]).toMatchObject({ outcome: 'ok', object_type: 'item' });
      expect(JSON.parse(transitions.entries[0].after)).toMatchObject({ status: 'submitted' });
      const csv = await auditor.get('/api/audit/export?outcome=ok');
      expect(csv.headers['content-type']).toContain('text/csv');
      const [header, first] = csv.body.split('\r\n');
      expect(header).toBe(
        '\uFEFF编号,时间（北京时间）,操作人,用户名,所属单位,来源地址,操作,对象类型,对象编号,对象名称,结果,变更前,变更后,前一条哈希,哈希'
      );
      // The newest entry reads like the page: Beijing time with its offset, Chinese labels, names.
      const approveLine = csv.body.split('\r\n').find((line) => line.includes('稿件：审核通过'))!;
      expect(approveLine).toMatch(
        /^\d+,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00,[^,]+,[^,]+,沙湾镇,[^,]*,稿件：审核通过,稿件,\d+,沙湾镇扎实推进防汛防风工作[^,]*,成功,/
      );
      expect(first).toMatch(/,成功,/);
      const named = transitions.entries[0];
      expect(named).toMatchObject({
        actor_unit: '沙湾镇',
        action_label: '稿件：审核通过',
        outcome_label: '成功',
        object_type_label: '稿件',
        object_name: expect.stringContaining('沙湾镇扎实推进防汛防风工作'),
      });
      expect(named.actor_name).toBeTruthy();
      // Found by the display name as well as by the user name.
      expect(
        (await auditor.get(`/api/audit?actor=${encodeURIComponent(named.actor_name)}&action=item_approve`)).json().total
      ).toBe(1);
      expect((await editor.get('/api/audit')).statusCode).toBe(403);
      expect(await verifyAudit(t.store.db)).toMatchObject({ ok: true });
    });

    it('lists units with targets, and lets the system administrator add a unit and a policy version', async () => {
      const admin = await loginAs(t.app, (await buildUser(t.store.db, 'sys_admin')).username, 'Xin-Xi#2026ok');
      const units = (await officer.get('/api/units')).json();
      expect(units).toHaveLength(80);
      expect(units.find((u: { name: string }) => u.name === '区审计局')).toMatchObject({
        series: 'dept_b',
        quarterlyTarget: 12,
        annualTarget: 48,
      });
      // The pinyin initials by which the pages' unit pickers find a unit (swz → 沙湾镇).
      expect(units.find((u: { name: string }) => u.name === '沙湾镇')).toMatchObject({ initials: 'swz' });
      expect((await admin.post('/api/units', { name: '区新设局', seriesCode: 'dept_b' })).statusCode).toBe(201);
      expect((await admin.post('/api/units', { name: '区新设局', seriesCode: 'dept_b' })).statusCode).toBe(409);
      const policy = (await admin.get('/api/policies')).json()[0];
      const refused = await admin.post('/api/policies', { ...policy, name: 'panyu-2027', effectiveFrom: '2027-13-01' });
      expect(refused.statusCode).toBe(400);
      expect(
        (await admin.post('/api/policies', { ...policy, name: 'panyu-2027', effectiveFrom: '2027-01-01' })).statusCode
      ).toBe(201);
      expect((await officer.get('/api/policies')).json().map((p: { name: string }) => p.name)).toEqual([
        'panyu-2010',
        'panyu-2027',
      ]);
    });
  }
);

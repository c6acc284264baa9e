import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PHONE,
  launchBrowser,
  screenshot,
  see,
  signIn,
  startSystem,
  type Browsing,
  type System,
  isDialectAvailable,
} from './harness.js';

const HEADER = '类型,编号,单位,标题,报送日期,稿件编号,采用载体,信息类型,日期';
/** Problems on lines 3 and 4: an unknown unit and a malformed date; line 2 is fine. */
const BAD = [
  HEADER,
  '信息稿件,E-1,沙湾镇,沙湾镇推进古镇保护（政务信息）,2026-01-05,,,,',
  '信息稿件,E-2,火星镇,火星镇信息（政务信息）,2026-01-05,,,,',
  '信息稿件,E-3,石基镇,石基镇信息（政务信息）,2026/01/06,,,,',
].join('\n');
const GOOD = [
  HEADER,
  '信息稿件,E-1,沙湾镇,沙湾镇推进古镇保护（政务信息）,2026-01-05,,,,',
  '信息稿件,E-3,石基镇,石基镇信息（政务信息）,2026-01-06,,,,',
  '采用,EA-1,,,,E-1,番府信息上报,综合调研,2026-01-07',
].join('\n');

/** Clicks an option of the open antd Select dropdown by its exact text (the role=option nodes are hidden a11y copies). */
async function pick(page: Page, text: string): Promise<void> {
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-content')
    .getByText(text, { exact: true })
    .click();
}

describe.skipIf(!isDialectAvailable)('administration pages in Chromium', () => {
  let system: System;
  let browsing: Browsing;
  let dir: string;
  beforeAll(async () => {
    system = await startSystem();
    browsing = await launchBrowser(system.url);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-admin-e2e-'));
  });
  afterAll(async () => {
    await browsing?.close();
    await system?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  // There is one audit administrator and one system administrator.
  let auditAdminAccount: ReturnType<System['account']> | undefined;
  const auditAdmin = () => (auditAdminAccount ??= system.account('audit_admin'));
  let sysAdminAccount: ReturnType<System['account']> | undefined;
  const sysAdmin = () => (sysAdminAccount ??= system.account('sys_admin'));
  const displayName = async (id: number) =>
    (await system.store.db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirstOrThrow())
      .display_name;

  const counts = async () => {
    const n = async (table: 'items' | 'bookings') =>
      Number(
        (
          await system.store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      );
    return { items: await n('items'), bookings: await n('bookings') };
  };

  it('imports a ledger as the editor: every problem by line first, nothing stored, then a preview and 确认导入', async () => {
    const editor = await system.account('editor');
    const page = await browsing.newPage();
    await signIn(page, editor);
    await page.goto('/admin/import');
    await see(page, '点击或将台账文件拖到此处');
    const before = await counts();

    // A file with problems is refused (400) with every problem listed: the refusal this test provokes.
    browsing.expectRefusal(/^400 POST \/api\/imports\?dryRun=true$/);
    const bad = path.join(dir, '台账-有误.csv');
    fs.writeFileSync(bad, BAD);
    await page.locator('input[type=file]').setInputFiles(bad);
    await see(page, '发现 2 个问题');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toMatch(
      /台账-有误\.csv\s+第 3 行\s+unit（单位）\s+"火星镇"\s+.*不是已登记的报送单位/
    );
    expect(await rows.nth(1).innerText()).toMatch(/第 4 行\s+submitted（报送日期）\s+"2026\/01\/06"\s+.*不是有效日期/);
    await see(page, '未存储任何记录。请按下表修改文件后重新上传。');
    await screenshot(page, 'import-errors');
    expect(await counts()).toEqual(before);

    const good = path.join(dir, '台账.csv');
    fs.writeFileSync(good, GOOD);
    await page.locator('input[type=file]').setInputFiles(good);
    await see(page, '文件没有问题，确认后将新增 3 条记录，跳过 0 条已存在的相同记录。');
    const preview = page.locator('.ant-table-tbody tr.ant-table-row');
    expect(await preview.filter({ hasText: '信息稿件' }).innerText()).toMatch(/信息稿件\s+2\s+0/);
    expect(await preview.filter({ hasText: /^采用/ }).innerText()).toMatch(/采用\s+1\s+0/);
    expect(await counts()).toEqual(before);

    await page.getByRole('button', { name: '确认导入' }).click();
    await see(page, '导入完成');
    const after = await counts();
    expect(after.items).toBe(before.items + 2);
    expect(after.bookings).toBeGreaterThan(before.bookings);
    expect(browsing.errors).toEqual([]);
  });

  it('shows the policy in force as tables, at desktop and phone width', async () => {
    const editor = await system.account('editor');
    const page = await browsing.newPage();
    await signIn(page, editor);
    await page.goto('/admin/policy');
    await see(page, '区政府办公室采用计分');
    const report = page.locator('tr', { hasText: '《番府信息上报》' }).first();
    expect(await report.innerText()).toMatch(/《番府信息上报》\s+\+8 分\s+\+5 分\s+\+2 分/);
    expect(await page.locator('thead').first().innerText()).toMatch(/综合调研类[\s\S]*标题信息[\s\S]*短波信息/);
    expect(await page.locator('tr', { hasText: '直报点序列' }).innerText()).toMatch(/不按季度考核\s+12 分/);
    await see(page, '番府办〔2010〕12号《番禺区政务信息工作实施方案》');
    await screenshot(page, 'policy');

    const phone = await browsing.newPage(PHONE);
    await signIn(phone, editor);
    await phone.goto('/admin/policy');
    await see(phone, '工作指标与信息员要求');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(browsing.errors).toEqual([]);
  });

  it('shows the audit administrator the audit log with the logins, its chain verified, and no other menu', async () => {
    const auditor = await auditAdmin();
    const page = await browsing.newPage();
    await signIn(page, auditor);
    const menu = page.getByRole('menuitem');
    expect((await menu.allInnerTexts()).sort()).toEqual(['审计日志', '工作台'].sort());
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await see(page, /哈希链完整：全部 \d+ 条记录未被改动或删除/);
    await page
      .locator('.ant-table-tbody tr.ant-table-row', { hasText: await displayName(auditor.id) })
      .filter({ hasText: '登录' })
      .first()
      .waitFor();
    await page.getByRole('button', { name: '展开行' }).first().click();
    await see(page, '变更后');
    await screenshot(page, 'audit');

    // Filtered on the server: only logins, opened to their after-record.
    await page.getByLabel('操作', { exact: true }).click();
    await page.keyboard.type('登录');
    await pick(page, '登录');
    const filtered = page.waitForResponse((r) => r.url().includes('/api/audit?') && r.url().includes('action=login'));
    await page.getByRole('button', { name: '查询' }).click();
    await filtered;
    await page
      .locator('.ant-spin-spinning')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    const actions = await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(5)').allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['登录']));
    expect(browsing.errors).toEqual([]);
  });

  it('lets the system administrator create an officer for a unit found by pinyin initials, with the one-time password shown once', async () => {
    const admin = await sysAdmin();
    const page = await browsing.newPage();
    await signIn(page, admin);
    await page.goto('/admin/accounts');
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('swz-xinxiyuan');
    await dialog.getByLabel('姓名').fill('李信息');
    await dialog.getByLabel('角色').click();
    await pick(page, '信息员');
    await dialog.getByLabel('所属单位').click();
    await page.keyboard.type('swz');
    await pick(page, '沙湾镇');
    await dialog.getByRole('button', { name: '新建' }).click();

    await see(page, '此密码只显示这一次');
    const password = (await page.getByRole('dialog').locator('code').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await page.waitForTimeout(500); // the dialog's opening animation
    await screenshot(page, 'accounts');
    await page.getByRole('button', { name: '我已记下' }).click();
    const row = page.locator('.ant-table-tbody tr', { hasText: 'swz-xinxiyuan' });
    expect(await row.innerText()).toMatch(/李信息\s+信息员\s+沙湾镇/);
    const stored = await system.store.db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select(['users.role', 'units.name'])
      .where('username', '=', 'swz-xinxiyuan')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ role: 'officer', name: '沙湾镇' });
    expect(browsing.errors).toEqual([]);
  });

  it('opens units, registry, trainings and security settings for their roles, at desktop and phone width, without console errors', async () => {
    const editor = await system.account('editor');
    for (const viewport of [undefined, PHONE]) {
      const page = await browsing.newPage(viewport);
      await signIn(page, editor);
      await page.goto('/admin/units');
      await page.getByLabel('查找单位').fill('swz');
      await page.locator('.ant-table-tbody td', { hasText: '沙湾镇' }).waitFor();
      await page.goto('/admin/registry');
      await see(page, /登记提醒：\d+ 个单位登记不齐全/);
      // The registry finds a unit by its pinyin initials too (the server spells them with the units).
      await page.getByLabel('查找单位').fill('sjz');
      const registry = page
        .locator('.ant-card')
        .filter({ has: page.locator('.ant-card-head-title', { hasText: '信息员登记备案' }) });
      await expect
        .poll(() => registry.locator('tbody tr.ant-table-row').allInnerTexts())
        .toEqual([expect.stringContaining('石基镇')]);
      await page.goto('/admin/trainings');
      await see(page, '还没有培训记录，请点击“登记培训”');
      if (viewport)
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    }
    const security = await system.account('security_admin');
    const page = await browsing.newPage();
    await signIn(page, security);
    await page.goto('/admin/security');
    const expiry = page.getByLabel('密码有效期（天）');
    await expect.poll(() => expiry.inputValue()).toBe('90');
    await expiry.fill('');
    await see(page, '请输入密码有效期（天）');
    await screenshot(page, 'security');
    expect(browsing.errors).toEqual([]);
  });

  it('the audit log names people and units and reads in Chinese, and its CSV reads like the page', async () => {
    const officer = await system.account('officer', '沙湾镇');
    const officerName = await displayName(officer.id);
    const officerPage = await browsing.newPage();
    await signIn(officerPage, officer);
    const auditor = await auditAdmin();
    const page = await browsing.newPage();
    await signIn(page, auditor);
    await page.goto('/admin/audit');
    await page.getByLabel('操作人', { exact: true }).fill(officerName);
    await page.getByRole('button', { name: '查询' }).click();
    const row = page
      .locator('.ant-table-tbody tr.ant-table-row')
      .filter({ hasText: `${officerName}（沙湾镇）` })
      .filter({ hasText: '登录' })
      .first();
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    // 编号, 时间 in Beijing time with its offset, 操作人 by name and unit, 操作, 对象 by name, 结果.
    const [, id, time, actor, action, object, outcome] = cells;
    expect(time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00$/);
    expect([actor, action, object, outcome]).toEqual([
      `${officerName}（沙湾镇）`,
      '登录',
      `账号 ${officerName}（沙湾镇）`,
      '成功',
    ]);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /导出 CSV/ }).click();
    const file = await (await download).path();
    const lines = fs.readFileSync(file, 'utf8').split('\r\n');
    const line = lines.find((l) => l.startsWith(`${id},`))!;
    expect(line.startsWith(`${id},${time},${officerName},${officer.username},沙湾镇,`)).toBe(true);
    expect(line).toContain(`,登录,账号,${officer.id},${officerName}（沙湾镇）,成功,`);
    // Only that person's entries: the filter on the page is the export's.
    expect(lines.filter((l) => /^\d+,/.test(l)).every((l) => l.includes(`,${officer.username},`))).toBe(true);
    expect(browsing.errors).toEqual([]);
  });

  it('lets the system administrator edit an account’s name, unit and phone, checked in the form and stored', async () => {
    const admin = await sysAdmin();
    const officer = await system.account('officer', '沙湾镇');
    const editor = await system.account('editor');
    const page = await browsing.newPage();
    await signIn(page, admin);
    await page.goto('/admin/accounts');
    await page.getByLabel('查找账号').fill(officer.username);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: officer.username });
    await row.getByRole('button', { name: '编辑' }).click();
    const dialog = page.locator('.ant-modal', { hasText: `编辑账号：${officer.username}` });
    await dialog.getByLabel('姓名').fill('王信息');
    await dialog.getByLabel('所属单位').click();
    await page.keyboard.type('sjz');
    await pick(page, '石基镇');
    // Checked as the server checks, before anything is sent.
    await dialog.getByLabel('联系电话').fill('电话号码');
    await see(page, '电话格式不正确，应为手机号或带区号的固定电话');
    await dialog.getByLabel('联系电话').fill('020-84822345');
    await dialog.getByRole('button', { name: '保存' }).click();
    await see(page, '账号信息已保存');
    // The list reloads after the message, as a person sees it change.
    await row.filter({ hasText: '王信息' }).waitFor();
    expect(await row.innerText()).toMatch(/王信息\s+信息员\s+石基镇\s+020-84822345/);
    const stored = await system.store.db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select(['display_name', 'phone', 'units.name'])
      .where('users.id', '=', officer.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ display_name: '王信息', phone: '020-84822345', name: '石基镇' });

    // A district role has no unit to pick.
    await page.getByLabel('查找账号').fill(editor.username);
    await page
      .locator('.ant-table-tbody tr.ant-table-row', { hasText: editor.username })
      .getByRole('button', { name: '编辑' })
      .click();
    await see(page, '调研科编辑为区级角色，不属于报送单位');
    expect(browsing.errors).toEqual([]);
  });

  it('registry: units that fall short are a table of what is missing since when, and an officer account is offered as the entry', async () => {
    const editor = await system.account('editor');
    // The office's only 石楼镇 officer account, with a mobile phone.
    const officer = await system.account('officer', '石楼镇');
    await system.store.db
      .updateTable('users')
      .set({ display_name: '赵信息', phone: '13912345678' })
      .where('id', '=', officer.id)
      .execute();
    const page = await browsing.newPage();
    await signIn(page, editor);
    await page.goto('/admin/registry');
    const gaps = page.locator('.ant-card', { hasText: '登记提醒' });
    await see(page, /登记提醒：\d+ 个单位登记不齐全/);
    expect(await gaps.locator('thead').innerText()).toMatch(/单位\s+缺少或不符\s+自何时起\s+本单位信息员账号/);
    // Ten units a page, not one paragraph of names.
    expect(await gaps.locator('tbody tr.ant-table-row').count()).toBe(10);
    await gaps.getByText(/共 \d+ 个单位/).waitFor();
    let row = gaps.locator('tbody tr.ant-table-row', { hasText: '石楼镇' });
    while (!(await row.count())) await gaps.locator('.ant-pagination-next').click();
    expect(await row.innerText()).toMatch(
      /石楼镇\s+未登记分管领导（第一责任人）\s+未登记直接责任人\s+未登记信息员\s+从未登记/
    );

    await row.getByRole('button', { name: '按账号登记：赵信息' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '登记人员：石楼镇' });
    await dialog.getByLabel('姓名').waitFor();
    await expect.poll(() => dialog.getByLabel('姓名').inputValue()).toBe('赵信息');
    expect(await dialog.getByLabel('手机').inputValue()).toBe('13912345678');
    expect(await dialog.locator('.ant-form-item', { hasText: '职责' }).first().innerText()).toMatch(/职责\s+信息员/);
    await dialog.getByLabel('职务').fill('党政办科员');
    await dialog.getByLabel('编制类别').click();
    await pick(page, '在编公务员');
    await dialog.getByLabel('任职日期').click();
    await dialog.getByLabel('任职日期').fill('2026-01-05');
    await dialog.getByLabel('任职日期').press('Enter');
    await expect.poll(() => dialog.getByLabel('任职日期').inputValue()).toBe('2026-01-05');
    const saved = page.waitForResponse((r) => r.url().includes('/contacts') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    expect((await saved).status()).toBe(201);
    row = gaps.locator('tbody tr.ant-table-row', { hasText: '石楼镇' });
    await expect
      .poll(async () => (await row.count()) === 0 || !(await row.innerText()).includes('未登记信息员'))
      .toBe(true);
    const stored = await system.store.db
      .selectFrom('unit_contacts')
      .innerJoin('units', 'units.id', 'unit_contacts.unit_id')
      .select(['unit_contacts.name', 'mobile', 'duty'])
      .where('units.name', '=', '石楼镇')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ name: '赵信息', mobile: '13912345678', duty: 'officer' });
    expect(browsing.errors).toEqual([]);
  });

  it('mail notifications: an officer turns a kind off in the registry; the system administrator sees a failed message and sends it again', async () => {
    const unit = await system.store.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', '化龙镇')
      .executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    const { id: contactId } = await system.store.db
      .insertInto('unit_contacts')
      .values({
        unit_id: unit.id,
        duty: 'officer',
        name: '龙信息',
        post: '科员',
        office_phone: null,
        mobile: '13800000000',
        staffing: 'civil_servant',
        notice_date: null,
        started_on: '2026-01-01',
        ended_on: null,
        created_at: at,
        updated_at: at,
        ref: null,
        email: 'officer@hualong.example.gov.cn',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const officer = await system.account('officer', '化龙镇');
    const page = await browsing.newPage();
    await signIn(page, officer);
    await page.goto('/admin/registry');
    const row = page.locator('tr.ant-table-row', { hasText: '龙信息' });
    await row.waitFor();
    expect(await row.innerText()).toContain('全部接收');
    await row.getByRole('button', { name: '邮件通知' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '邮件通知：信息员 龙信息' });
    await dialog.getByLabel('信息工作通知').waitFor();
    expect(await dialog.getByLabel('信息工作通知').isChecked()).toBe(true);
    await dialog.getByLabel('信息工作通知').uncheck();
    const saved = page.waitForResponse((r) => r.url().includes('/mail-opt-outs') && r.request().method() === 'PUT');
    await dialog.getByRole('button', { name: '保存' }).click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => row.innerText()).toContain('已关闭：信息工作通知');
    const stored = await system.store.db
      .selectFrom('contact_mail_opt_outs')
      .select('kind')
      .where('contact_id', '=', contactId)
      .execute();
    expect(stored).toEqual([{ kind: 'notice_posted' }]);

    await system.store.db
      .insertInto('mail_outbox')
      .values({
        recipient_email: 'officer@hualong.example.gov.cn',
        recipient_name: '龙信息',
        contact_id: contactId,
        unit_id: unit.id,
        kind: 'solicitation_new',
        subject: '【政务信息报送与考核系统】新约稿：防汛信息',
        body: '正文',
        link_path: null,
        dedupe_key: `e2e:${contactId}`,
        created_at: at,
        status: 'failed',
        attempts: 10,
        next_attempt_at: at,
        last_error: '450 邮箱暂时不可用',
        sent_at: null,
      })
      .execute();
    const admin = await browsing.newPage();
    await signIn(admin, await sysAdmin());
    await admin.goto('/admin/outbox');
    await see(admin, '未配置邮件发送（GOVINFO_SMTP_URL）');
    const failed = admin.locator('tr.ant-table-row', { hasText: '新约稿：防汛信息' });
    await failed.waitFor();
    expect(await failed.innerText()).toMatch(/新约稿[\s\S]*龙信息（化龙镇）[\s\S]*发送失败\s+10\s+450 邮箱暂时不可用/);
    const retried = admin.waitForResponse((r) => r.url().includes('/retry') && r.request().method() === 'POST');
    await failed.getByRole('button', { name: '重新发送' }).click();
    expect((await retried).status()).toBe(200);
    await expect.poll(() => failed.innerText()).toContain('待发送');
    expect(browsing.errors).toEqual([]);
  });
});

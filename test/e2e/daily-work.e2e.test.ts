/**
 * Issue 8, daily work without friction, for the reporting units and the office leader: the
 * dashboard and the bell, replying to a solicitation, refused attachments, a unit without a
 * reviewer account, approving from the review list, and returning quarterly results.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, quarterOf, todayInChina, yearOf } from '../../src/domain/dates.js';
import { DRAFT } from '../factories/item.factory.js';
import { loginAs, type ApiClient } from '../helpers/test-app.js';
import { launchBrowser, see, signIn, startSystem, type Browsing, type System, isDialectAvailable } from './harness.js';

describe.skipIf(!isDialectAvailable)('daily work of the units and the office leader in Chromium', () => {
  let system: System;
  let browsing: Browsing;
  let editor: ApiClient;
  let units: { id: number; name: string }[];
  beforeAll(async () => {
    system = await startSystem();
    browsing = await launchBrowser(system.url);
    const account = await system.account('editor');
    editor = await loginAs(system.app, account.username, account.password);
    units = (await editor.get('/api/units')).json();
  });
  afterAll(async () => {
    await browsing?.close();
    await system?.close();
  });

  const unitId = (name: string) => units.find((u) => u.name === name)!.id;
  const client = async (role: 'officer' | 'reviewer' | 'principal', unit: string) => {
    const account = await system.account(role, unit);
    return { account, api: await loginAs(system.app, account.username, account.password) };
  };
  const inReview = async (api: ApiClient, draft: Record<string, unknown>) => {
    const { id } = (await api.post('/api/items', { ...DRAFT, ...draft })).json();
    expect((await api.transition(id, 'submit_for_review')).statusCode).toBe(200);
    return id as number;
  };
  const bell = async (page: Page) => {
    await page.getByRole('button', { name: /^通知（\d+ 条）$/ }).click();
    return page.locator('.ant-popover');
  };

  it("an officer's dashboard lists every open solicitation with its countdown and a returned item by title; 撰写回复稿 drafts a reply that answers the solicitation", async () => {
    const { account, api } = await client('officer', '新造镇');
    const { api: reviewer } = await client('reviewer', '新造镇');
    const today = todayInChina();
    for (const [title, days] of [
      ['关于报送秋收工作的约稿', 2],
      ['关于报送年度亮点工作的约稿', 10],
    ] as const) {
      expect(
        (
          await editor.post('/api/solicitations', {
            issuer: 'district',
            title,
            deadline: addDays(today, days),
            unitIds: [unitId('新造镇')],
          })
        ).statusCode
      ).toBe(201);
    }
    const returned = await inReview(api, { title: '新造镇推进农村人居环境整治' });
    expect((await reviewer.transition(returned, 'return_to_officer', '请补充具体数据')).statusCode).toBe(200);

    const page = await browsing.newPage();
    await signIn(page, account);
    await see(page, '约稿“关于报送秋收工作的约稿”还有 2 天截止');
    // Not only those near their deadline: every open one.
    await see(page, '约稿“关于报送年度亮点工作的约稿”还有 10 天截止');
    await see(page, '“新造镇推进农村人居环境整治（政务信息）”被退回修改');
    const popover = await bell(page);
    await popover.getByText('约稿“关于报送秋收工作的约稿”还有 2 天截止').waitFor();
    await popover.getByText('“新造镇推进农村人居环境整治（政务信息）”被退回修改').click();
    await page.waitForURL(`**/unit/items/${returned}/edit`);
    await see(page, '退回意见：请补充具体数据');

    await page.goto('/unit/solicitations');
    const card = page.locator('.ant-card').filter({ hasText: '关于报送秋收工作的约稿' });
    await card.getByRole('button', { name: '撰写回复稿' }).click();
    await page.waitForURL(/\/unit\/items\/new\?solicitation=\d+$/);
    await see(page, '回复约稿“关于报送秋收工作的约稿”');
    await see(page, '（十）上级约稿信息');
    await page.getByLabel('标题').fill('新造镇秋收工作进展顺利');
    await page.getByLabel('正文').fill('新造镇组织农机 40 台抢收晚稻，已收割 80%。');
    await page.getByLabel('联系电话').fill('020-84731234');
    await page.getByRole('button', { name: '保存并提交审核', exact: true }).click();
    await page.waitForURL(/\/items\/\d+$/);
    await see(page, '单位审核中');
    await page.locator('.ant-timeline').getByText('约稿“关于报送秋收工作的约稿”').waitFor();

    await page.goto('/unit/solicitations');
    const answered = page.locator('.ant-card').filter({ hasText: '关于报送秋收工作的约稿' });
    await answered.getByRole('link', { name: '新造镇秋收工作进展顺利（政务信息）' }).waitFor();
    expect(await answered.innerText()).not.toMatch(/查看稿件 \d+/);
    expect(browsing.errors).toEqual([]);
  });

  it('an attachment the server refuses keeps the form open with the error on the attachment field, and blocks submission until it is removed', async () => {
    const { account } = await client('officer', '南村镇');
    await system.account('reviewer', '南村镇');
    const page = await browsing.newPage();
    await signIn(page, account);
    await page.goto('/unit/items/new');
    await page.getByLabel('标题').fill('南村镇开展消防安全检查');
    await page.getByLabel('正文').fill('南村镇检查出租屋 300 间，整改隐患 25 处。');
    await page.getByLabel('联系电话').fill('020-84731234');
    await page.getByLabel('内容类别').click();
    await page.locator('.ant-select-item-option', { hasText: '本单位主要工作进展' }).click();
    // A program renamed to .pdf: the name passes, the content does not (deliberately provokes a 400).
    browsing.expectRefusal(/^400 POST \/api\/items\/\d+\/attachments$/);
    await page.locator('input[type=file]').setInputFiles({
      name: '检查记录.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00this program cannot be run in DOS mode'),
    });
    await page.getByRole('button', { name: '保存并提交审核', exact: true }).click();
    await page.waitForURL(/\/unit\/items\/\d+\/edit$/);
    const id = Number(/\/unit\/items\/(\d+)\/edit/.exec(page.url())![1]);
    await see(page, /稿件已保存为草稿，但未提交审核/);
    const field = page
      .locator('#item-attachments')
      .locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-form-item ")][1]');
    await field.getByText(/1 个附件未被接受/).waitFor();
    expect(await field.getAttribute('class')).toContain('ant-form-item-has-error');
    await field.getByText('未被接受', { exact: true }).waitFor();
    const submit = page.getByRole('button', { name: '保存并提交审核', exact: true });
    expect(await submit.isDisabled()).toBe(true);
    expect((await editor.get(`/api/items/${id}`)).statusCode).toBe(404);

    await page.getByRole('button', { name: '删除附件 检查记录.pdf' }).click();
    expect(await submit.isDisabled()).toBe(false);
    await submit.click();
    await page.waitForURL(`**/items/${id}`);
    await see(page, '单位审核中');
    expect(browsing.errors).toEqual([]);
  });

  it('a unit without a reviewer account: the officer is told the principal reviews; the system administrator and the editor see the unit; the principal approves from the review list, confirming by title, and from the item page', async () => {
    const { account: officer, api } = await client('officer', '化龙镇');
    const { account: principal } = await client('principal', '化龙镇');
    const page = await browsing.newPage();
    await signIn(page, officer);
    await page.goto('/unit/items/new');
    await see(page, /本单位未登记分管领导账号，提交后由主要领导 测试\d+ 审核/);
    await page.close();
    const first = await inReview(api, { title: '化龙镇召开农业产业园推进会' });
    const second = await inReview(api, { title: '化龙镇完成河涌清淤' });

    const admin = await browsing.newPage();
    await signIn(admin, await system.account('sys_admin'));
    await see(admin, '化龙镇有 2 篇稿件待单位审核，但没有分管领导账号');
    await see(admin, '目前由主要领导审核；请为该单位开设分管领导账号');
    const desk = await browsing.newPage();
    await signIn(desk, await system.account('editor'));
    await see(desk, '化龙镇有 2 篇稿件待单位审核，但没有分管领导账号');

    const boss = await browsing.newPage();
    await signIn(boss, principal);
    await see(boss, '“化龙镇召开农业产业园推进会（政务信息）”待您审核');
    await boss.goto('/unit/review');
    await boss.getByRole('tab', { name: '单位审核中' }).click();
    await boss
      .getByRole('row')
      .filter({ hasText: '化龙镇召开农业产业园推进会' })
      .getByRole('button', { name: '审核通过' })
      .click();
    const confirm = boss.locator('.ant-popconfirm');
    await confirm.getByText('审核通过“化龙镇召开农业产业园推进会（政务信息）”？').waitFor();
    await confirm.getByRole('button', { name: '审核通过' }).click();
    await see(boss, /“化龙镇召开农业产业园推进会（政务信息）”审核通过，现为“已报送区政府办公室”/);
    expect((await api.get(`/api/items/${first}`)).json().status).toBe('submitted');

    await boss.goto(`/items/${second}`);
    await boss.getByRole('button', { name: '审核通过' }).click();
    await see(boss, '已报送区政府办公室');
    expect((await api.get(`/api/items/${second}`)).json().status).toBe('submitted');
    await admin.reload();
    await see(admin, '今天没有待办事项');
    expect(browsing.errors).toEqual([]);
  });

  it('the office leader sees results waiting on the dashboard and the bell, returns them with a comment; the editor sees it, prepares them again, and the leader approves', async () => {
    const today = todayInChina();
    const period = { year: yearOf(today), quarter: quarterOf(today) };
    const editorAccount = await system.account('editor');
    const desk = await loginAs(system.app, editorAccount.username, editorAccount.password);
    expect((await desk.post('/api/results', period)).statusCode).toBe(201);
    const quarterTitle = `${period.year} 年第 ${period.quarter} 季度考核结果`;

    const leader = await browsing.newPage();
    await signIn(leader, await system.account('office_leader'));
    await see(leader, `${quarterTitle}待审批`);
    const popover = await bell(leader);
    await popover.getByText(`${quarterTitle}待审批`).click();
    await leader.waitForURL(/\/results\?id=\d+$/);
    await leader.getByRole('button', { name: '退回修改' }).click();
    await leader.getByLabel('退回意见').fill('请核对第三序列的约稿扣分');
    await leader.getByRole('button', { name: '确定' }).click();
    await see(leader, '考核结果已退回调研科修改');
    await see(leader, '退回意见：请核对第三序列的约稿扣分');
    await leader
      .locator('.ant-timeline')
      .getByText(/办公室领导退回修改/)
      .waitFor();

    const page = await browsing.newPage();
    await signIn(page, editorAccount);
    await see(page, `${quarterTitle}被退回修改`);
    await see(page, '办公室领导意见：请核对第三序列的约稿扣分');
    await page
      .getByText(`${quarterTitle}被退回修改`)
      .locator('xpath=ancestor::li[1]')
      .getByRole('button', { name: '去处理' })
      .click();
    await page.waitForURL(/\/results\?id=\d+$/);
    await see(page, /退回意见：请核对第三序列的约稿扣分/);
    await page.getByRole('button', { name: '重新编制并提交审批' }).click();
    await see(page, /已重新编制.*考核结果，请办公室领导审批/);
    await page
      .locator('.ant-timeline')
      .getByText(/调研科重新编制并提交/)
      .waitFor();

    await leader.goto('/');
    await see(leader, `${quarterTitle}待审批`);
    await leader.goto('/results');
    await leader.getByRole('button', { name: '审批并发布' }).click();
    await leader.locator('.ant-popconfirm').getByRole('button', { name: '发布' }).click();
    await see(leader, /考核结果已发布，各单位可以查看/);
    await leader
      .locator('.ant-timeline')
      .getByText(/办公室领导审批发布/)
      .waitFor();
    expect(browsing.errors).toEqual([]);
  });
});

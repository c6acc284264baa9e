/** The district editor's pages in Chromium: the inbox (search, duplicates, bulk receive), adoption and instruction, solicitations. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../src/domain/dates.js';
import type { Policy } from '../../src/domain/policy.js';
import { loginAs, type ApiClient } from '../helpers/test-app.js';
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
  choose,
} from './harness.js';
import { itemSender } from './send-item.js';

const policy = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds/panyu-2010.policy.json'), 'utf8')
) as Policy;

describe.skipIf(!isDialectAvailable)('the district editor in Chromium', () => {
  let system: System;
  let browsing: Browsing;
  let editor: { username: string; password: string };
  let editorApi: ApiClient;
  const { transition, sendItem } = itemSender(() => system);

  beforeAll(async () => {
    system = await startSystem();
    browsing = await launchBrowser(system.url);
    editor = await system.account('editor');
    editorApi = await loginAs(system.app, editor.username, editor.password);
  });
  afterAll(async () => {
    await browsing?.close();
    await system?.close();
  });

  const row = (page: Page, title: string) => page.locator('tr.ant-table-row', { hasText: title });

  it('lists sent items, finds 防汛 by full-text search, receives a selection, adopts into 《番府信息上报》 with an instruction: 13 points', async () => {
    const flood = await sendItem('沙湾镇', { title: '沙湾镇扎实推进防汛防风工作' });
    await sendItem('沙湾镇', { title: '沙湾镇扎实推进防汛防风各项工作', body: '沙湾镇召开会议部署汛期工作。' });
    await sendItem('沙湾镇', {
      title: '沙湾镇开展垃圾分类宣传周活动',
      body: '沙湾镇组织志愿者入户宣传垃圾分类。',
      category: '新思路新做法新经验',
    });
    await sendItem('石基镇', { title: '石基镇举办龙舟文化节', body: '石基镇龙舟文化节吸引游客五万人次。' });

    const page = await browsing.newPage();
    await signIn(page, editor);
    await page.goto('/editor/inbox');
    for (const title of [
      '沙湾镇扎实推进防汛防风工作（政务信息）',
      '沙湾镇开展垃圾分类宣传周活动（政务信息）',
      '石基镇举办龙舟文化节（政务信息）',
    ])
      await see(page, title);
    // The two look-alike titles warn of each other.
    await row(page, '沙湾镇扎实推进防汛防风工作（政务信息）').getByText('疑似重复 1').waitFor();
    await screenshot(page, 'editor-inbox');

    await page.getByLabel('全文搜索').fill('防汛');
    await page.getByLabel('全文搜索').press('Enter');
    await page.waitForURL(/q=%E9%98%B2%E6%B1%9B/);
    await page.getByText('石基镇举办龙舟文化节（政务信息）').waitFor({ state: 'detached' });
    expect(await page.locator('tr.ant-table-row').count()).toBe(2);
    expect(await page.getByText('沙湾镇开展垃圾分类宣传周活动（政务信息）').count()).toBe(0);
    expect(await page.locator('tr.ant-table-row mark', { hasText: '防汛' }).count()).toBe(2);

    await row(page, '沙湾镇扎实推进防汛防风工作（政务信息）').getByRole('checkbox').check();
    await page.getByRole('button', { name: '接收（1）' }).click();
    await see(page, '接收：成功 1 篇');
    await row(page, '沙湾镇扎实推进防汛防风工作（政务信息）').getByText('已接收').waitFor();

    await page.getByRole('link', { name: '沙湾镇扎实推进防汛防风工作（政务信息）' }).click();
    await page.waitForURL(`**/items/${flood}`);
    await see(page, /疑似重复：1 篇已报送稿件与本稿件相似/);

    await page.getByRole('button', { name: '登记采用' }).click();
    await choose(page, '采用载体', policy.outlets.report.name);
    await choose(page, '信息类型', policy.kinds.research);
    await see(page, '按现行考核办法，此次采用计 8 分。');
    await page.getByLabel('期号').fill('2026年第5期');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const adoption = page.locator('tr', { hasText: '2026年第5期' });
    await adoption.getByText('+8 分').waitFor();
    expect(await adoption.textContent()).toContain(policy.kinds.research);

    await page.getByRole('button', { name: '登记批示' }).click();
    await page.getByLabel('批示领导').fill('区长');
    await page.getByLabel('批示内容').fill('此信息很好，请各镇街参照。');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.locator('tr', { hasText: '此信息很好，请各镇街参照。' }).getByText('+5 分').waitFor();
    await page.locator('.ant-statistic-content-value', { hasText: /^13$/ }).waitFor();
    await see(page, '已采用');
    // The records and their points in view, without the toasts over them.
    await page.locator('.ant-message-notice').last().waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByText('编辑处理（区政府办公室调研科）').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -16));
    await screenshot(page, 'editor-adoption');
    expect(browsing.errors).toEqual([]);
  });

  it('offers no portal adoption for an item marked 不予公开', async () => {
    const id = await sendItem('沙湾镇', { title: '沙湾镇内部工作情况', isPublic: false });
    await transition(editorApi, id, 'receive');
    const page = await browsing.newPage();
    await signIn(page, editor);
    await page.goto(`/items/${id}`);
    await page.getByRole('button', { name: '登记采用' }).click();
    await see(page, '本稿件标注为“不予公开”，不能被区政府门户网站采用。');
    await page.getByLabel('采用载体', { exact: true }).click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    // The list may still be opening: read it until it settles.
    await expect
      .poll(() => options.allTextContents())
      .toEqual([policy.outlets.dynamic.name, policy.outlets.report.name]);
    expect(await options.allTextContents()).not.toContain(policy.outlets.portal.name);
    expect(await page.locator('.ant-select-item-option', { hasText: policy.outlets.portal.name }).count()).toBe(0);

    // Adopted by 《番府信息》, then undone: the confirmation says the points go, and they do.
    await page.keyboard.press('Escape');
    await page
      .locator('.ant-select-dropdown:visible')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await choose(page, '采用载体', policy.outlets.dynamic.name);
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page
      .locator('tr', { hasText: policy.outlets.dynamic.name })
      .getByText(`+${policy.outlets.dynamic.points} 分`)
      .waitFor();
    await page.getByRole('button', { name: /^撤销采用 WA\d+$/ }).click();
    await page.getByRole('dialog').getByText(`它为沙湾镇记的 ${policy.outlets.dynamic.points} 分将被扣回`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '撤销采用' }).click();
    await see(page, '尚未登记采用：稿件被刊物或栏目采用后，点“登记采用”');
    await page.locator('.ant-statistic-content-value', { hasText: /^0$/ }).waitFor();
    expect(browsing.errors).toEqual([]);
  });

  it('publishes a solicitation to two units and shows both as pending', async () => {
    const page = await browsing.newPage();
    await signIn(page, editor);
    await page.goto('/editor/solicitations');
    await page.getByRole('button', { name: '发布约稿' }).first().click();
    await page.getByLabel('约稿标题').fill('关于报送汛期安全工作情况的约稿');
    await page.getByLabel('约稿要求').fill('500字以内，突出具体措施。');
    await page.getByLabel('截止日期').click();
    await page.getByLabel('截止日期').fill(addDays(todayInChina(), 20));
    await page.getByLabel('截止日期').press('Enter');
    await page.getByLabel('指定单位').check();
    const picker = page.getByLabel('约稿单位', { exact: true });
    await picker.click();
    await picker.fill('swz');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '沙湾镇' }).click();
    await picker.fill('石基');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '石基镇' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '发布' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const solicitation = page.locator('tr.ant-table-row', { hasText: '关于报送汛期安全工作情况的约稿' });
    await solicitation.getByText('待报送 2').waitFor();
    await see(page, '待报送（2）');
    const pending = page.locator('.ant-descriptions-row', { hasText: '待报送（2）' });
    expect((await pending.locator('.ant-tag').allTextContents()).sort()).toEqual(['沙湾镇', '石基镇'].sort());
    await screenshot(page, 'editor-solicitations');
    expect(browsing.errors).toEqual([]);
  });

  it('records a deduction, turns down a selection with one reason, and shows the inbox at phone width', async () => {
    const page = await browsing.newPage();
    await signIn(page, editor);
    await page.goto('/editor/penalties');
    await choose(page, '单位', '沙湾镇');
    await choose(page, '扣分原因', policy.penalties.criticism.name);
    await page.getByLabel('备注').fill('受到区政府办公室书面批评');
    await page.getByRole('button', { name: '登记扣分' }).click();
    await page
      .locator('tr.ant-table-row', { hasText: '受到区政府办公室书面批评' })
      .getByText(String(policy.penalties.criticism.points))
      .waitFor();

    // 不予采用 for a selection of received items, with one reason.
    const first = await sendItem('石基镇', { title: '石基镇召开安全生产会议', body: '会议部署安全生产工作。' });
    const second = await sendItem('石基镇', { title: '石基镇开展消防演练', body: '镇消防演练。' });
    for (const id of [first, second]) await transition(editorApi, id, 'receive');
    await page.goto(
      `/editor/inbox?status=received&unitId=${(await editorApi.get('/api/units')).json().find((u: { name: string }) => u.name === '石基镇').id}`
    );
    await row(page, '石基镇开展消防演练（政务信息）').waitFor();
    await page.getByRole('checkbox', { name: '选择本页全部稿件' }).check();
    await page.getByRole('button', { name: '不予采用（2）' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '不予采用' }).click();
    await see(page, '请填写不予采用的理由');
    await page.getByLabel('不予采用理由').fill('内容与已采用信息重复');
    await page.getByRole('dialog').getByRole('button', { name: '不予采用' }).click();
    await see(page, '不予采用：成功 2 篇');
    expect((await editorApi.get(`/api/items/${first}`)).json()).toMatchObject({
      status: 'not_adopted',
      rejectionReason: '内容与已采用信息重复',
    });

    const phone = await browsing.newPage(PHONE);
    await signIn(phone, editor);
    await phone.goto('/editor/inbox');
    await phone.getByLabel('全文搜索').waitFor();
    // The form's unit filter (not the table's column of that name) waits behind 更多筛选.
    expect(await phone.locator('#inbox-unit').count()).toBe(0);
    await phone.getByRole('button', { name: '更多筛选' }).click();
    await phone.locator('#inbox-unit').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(browsing.errors).toEqual([]);
  });
});

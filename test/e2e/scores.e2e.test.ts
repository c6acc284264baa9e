/** 考核 in Chromium: the scores page shows an adoption's +13 with its bookings; quarterly results prepared, approved, published. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterOf, todayInChina, yearOf } from '../../src/domain/dates.js';
import { DRAFT } from '../factories/item.factory.js';
import { loginAs, type ApiClient } from '../helpers/test-app.js';
import { PHONE, launchBrowser, screenshot, see, signIn, startSystem, type Browsing, type System, isDialectAvailable } from './harness.js';

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];

describe.skipIf(!isDialectAvailable)('scores and quarterly results in Chromium', () => {
  let system: System;
  let browsing: Browsing;
  let editorAccount: { username: string; password: string };
  // Live scores stand as of today: the records are dated today, in the real clock's quarter.
  const today = todayInChina();
  const year = yearOf(today);
  const quarter = quarterOf(today);

  beforeAll(async () => {
    system = await startSystem();
    browsing = await launchBrowser(system.url);
    const client = async (role: 'officer' | 'reviewer' | 'editor', unit: string | null = null): Promise<ApiClient> => {
      const account = await system.account(role, unit);
      if (role === 'editor') editorAccount = account;
      return loginAs(system.app, account.username, account.password);
    };
    const officer = await client('officer', '沙湾镇');
    const reviewer = await client('reviewer', '沙湾镇');
    const editor = await client('editor');
    // Officer drafts → reviewer approves → editor receives, adopts into 《番府信息上报》 as 综合调研, and records a district instruction.
    const created = await officer.post('/api/items', DRAFT);
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    for (const [actor, action] of [[officer, 'submit_for_review'], [reviewer, 'approve'], [editor, 'receive']] as const) {
      expect((await actor.transition(id, action)).statusCode).toBe(200);
    }
    expect((await editor.post(`/api/items/${id}/adoptions`, { outlet: 'report', kind: 'research', date: today, issue: `${year}年第5期` })).statusCode).toBe(201);
    expect((await editor.post(`/api/items/${id}/instructions`, { level: 'district', date: today, leader: '区长' })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await browsing?.close();
    await system?.close();
  });

  const choose = async (page: Page, label: string, option: string) => {
    await page.getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
  };

  it('the editor sees the unit’s +13 against its target, and the bookings behind it with the item', async () => {
    const page = await browsing.newPage();
    await signIn(page, editorAccount);
    await page.goto('/scores');
    const panel = page.getByRole('tabpanel');
    const row = panel.getByRole('row').filter({ hasText: '沙湾镇' });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    // This quarter: 13 points against the town series' 18, not yet met, 5 to go.
    expect(cells).toEqual(expect.arrayContaining(['沙湾镇', '13', '18', '未达标', '还差 5 分']));
    await see(page, `预警 · ${QUARTERS[quarter - 1]}`);
    await see(page, /个单位可能完不成本季度指标，本季度还剩 \d+ 天/);
    await page.getByRole('img', { name: '按采用载体得分' }).waitFor();
    await screenshot(page, 'scores');
    // The chart by quarter for one unit, found by its pinyin initials.
    await page.getByLabel('单位', { exact: true }).fill('swz');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '沙湾镇' }).click();
    await page.getByRole('img', { name: '沙湾镇各季度得分' }).waitFor();

    await row.getByRole('link', { name: '沙湾镇' }).click();
    await page.waitForURL('**/scores/units/*');
    await see(page, '记分明细');
    const bookings = page.locator('.ant-card').filter({ hasText: '记分明细' }).getByRole('row');
    const title = '沙湾镇扎实推进防汛防风工作（政务信息）';
    await bookings.filter({ hasText: '+8' }).filter({ hasText: title }).waitFor();
    await bookings.filter({ hasText: '+5' }).filter({ hasText: '区领导批示' }).waitFor();
    expect(await page.getByRole('link', { name: title }).count()).toBe(2);
    await page.getByRole('img', { name: '沙湾镇各季度得分' }).waitFor();
    await screenshot(page, 'unit-score');
    // One quarter's bookings at a time.
    await page.getByText('一季度', { exact: true }).click();
    await see(page, '本季度还没有得分记录');
    await page.getByText('全年', { exact: true }).click();

    await page.getByRole('link', { name: title }).first().click();
    await page.waitForURL('**/items/*');
    await see(page, title);

    // A unit that does not exist gets a Chinese explanation and a way back.
    await page.goto('/scores/units/99999');
    await see(page, '报送单位不存在');
    await page.getByRole('button', { name: '返回考核得分' }).click();
    await page.waitForURL(/\/scores$/);
    expect(browsing.errors).toEqual([]);
  });

  it('fits a phone: the series table scrolls sideways within the page', async () => {
    const page = await browsing.newPage(PHONE);
    await signIn(page, editorAccount);
    await page.goto('/scores');
    await page.getByRole('tabpanel').getByRole('row').filter({ hasText: '沙湾镇' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'scores-phone');
    expect(browsing.errors).toEqual([]);
  });

  it('the editor prepares this quarter’s results, the office leader approves them, and a unit officer reads them published', async () => {
    const editor = await browsing.newPage();
    await signIn(editor, editorAccount);
    await editor.goto('/results');
    await see(editor, /还没有季度考核结果：请在上方选择年度和季度/);
    await choose(editor, '考核年度', `${year} 年`);
    await choose(editor, '季度', QUARTERS[quarter - 1]);
    await editor.getByRole('button', { name: '编制考核结果' }).click();
    await see(editor, '本期考核结果尚未发布，各单位暂不可见');
    await see(editor, `${year} 年第${'一二三四'[quarter - 1]}季度政务信息考核情况`);

    const leaderAccount = await system.account('office_leader');
    const leader = await browsing.newPage();
    await signIn(leader, leaderAccount);
    await leader.goto('/results');
    await leader.getByRole('button', { name: '审批并发布' }).click();
    await leader.getByRole('button', { name: '发布', exact: true }).click();
    await see(leader, /考核结果已发布，各单位可以查看/);
    await leader.locator('.ant-card-extra').getByText('已发布').waitFor();

    const officerAccount = await system.account('officer', '沙湾镇');
    const officer = await browsing.newPage();
    await signIn(officer, officerAccount);
    await officer.goto('/results');
    const row = officer.getByRole('row').filter({ hasText: '沙湾镇' }).first();
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['沙湾镇', '13', '未达标']));
    expect(await officer.getByRole('button', { name: '编制考核结果' }).count()).toBe(0);
    await see(officer, '季度通报批评');
    await screenshot(officer, 'results');
    expect(browsing.errors).toEqual([]);
  });
});

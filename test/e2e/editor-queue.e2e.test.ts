/** Issue 8 for the district editor in Chromium: the inbox's work queue and sorting, 接收并采用, 采用到同一期, ledger items' state, duplicate warnings, upward points. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../src/domain/dates.js';
import type { Policy } from '../../src/domain/policy.js';
import { importLedger } from '../../src/services/import-ledger.js';
import { loginAs, type ApiClient } from '../helpers/test-app.js';
import {
  launchBrowser,
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

describe.skipIf(!isDialectAvailable)('the district editor works without friction (issue 8)', () => {
  let system: System;
  let browsing: Browsing;
  let editor: { username: string; password: string };
  let editorApi: ApiClient;
  const { sendItem } = itemSender(() => system);
  /** Requests the server refused or failed: none is expected. */
  const failed: string[] = [];

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

  const open = async (): Promise<Page> => {
    const page = await browsing.newPage();
    // Signed in first: the login page asks who is signed in (401 before anyone is).
    await signIn(page, editor);
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    return page;
  };

  const ledger = async (records: Record<string, unknown>[]) => {
    const outcome = await importLedger(
      system.store.db,
      records.map((fields, i) => ({ fields, file: 'e2e', line: i + 1 }))
    );
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  };
  const row = (page: Page, title: string) => page.locator('tr.ant-table-row', { hasText: title });
  const rowTitles = (page: Page) => page.locator('tr.ant-table-row td:nth-child(2)').allTextContents();
  it('opens the inbox on 待接收 then 已接收, oldest first, whatever a ledger dated today or later holds; columns sort and filter on the server', async () => {
    const today = todayInChina();
    await ledger([
      { type: 'item', id: 'Q-1', unit: '大石街', title: '大石街未来日期的台账稿件', submitted: addDays(today, 5) },
      { type: 'item', id: 'Q-2', unit: '大石街', title: '大石街今天已采用的台账稿件', submitted: today },
      { type: 'adoption', id: 'QA-2', item: 'Q-2', outlet: 'report', kind: 'research', date: today },
    ]);
    await sendItem('南村镇', { title: '南村镇第一篇新报送稿件', body: '南村镇第一篇的正文内容。' });
    await sendItem('南村镇', { title: '南村镇第二篇新报送稿件', body: '南村镇第二篇的正文内容。' });

    const page = await open();
    await page.goto('/editor/inbox');
    await see(page, '按待办顺序排列');
    await row(page, '南村镇第二篇新报送稿件').waitFor();
    const titles = await rowTitles(page);
    expect(titles.slice(0, 2).map((t) => t.replace(/（政务信息）.*/, ''))).toEqual([
      '南村镇第一篇新报送稿件',
      '南村镇第二篇新报送稿件',
    ]);
    // The later-dated ledger item waits behind what was sent; the adopted one is last.
    expect(titles.findIndex((t) => t.includes('未来日期'))).toBeGreaterThan(1);
    expect(titles[titles.length - 1]).toContain('今天已采用');

    // Sorted by points on the server: the adopted ledger item (8) first.
    // The second click (descending) only once the first sort's page has come back, as a person would.
    const ascending = page.waitForResponse(
      (response) => response.url().includes('/api/items?') && response.url().includes('sort=points')
    );
    await page.getByRole('columnheader', { name: '得分' }).click();
    await page.waitForURL(/sort=points/);
    await ascending;
    await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached' });
    await page.getByRole('columnheader', { name: '得分' }).click();
    await page.waitForURL(/order=desc/);
    await expect.poll(async () => (await rowTitles(page))[0]).toContain('今天已采用');
    expect(await row(page, '今天已采用').locator('td').nth(6).textContent()).toBe('8');

    // The state column's filter asks the server for 已采用 only.
    await page.getByRole('columnheader', { name: /状态/ }).locator('.ant-table-filter-trigger').click();
    await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: '已采用' }).click();
    await page
      .locator('.ant-dropdown:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.waitForURL(/status=adopted/);
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBe(1);
    expect(browsing.errors).toEqual([]);
    expect(failed).toEqual([]);
  });

  it('receives and adopts from the inbox row in three clicks, from the item page with two outlets, and a selection into one issue', async () => {
    const plain = await sendItem('钟村街', { title: '钟村街一步采用的稿件', body: '钟村街的正文甲。' });
    const page = await open();
    await page.goto('/editor/inbox?unitId=' + (await editorApi.get(`/api/items/${plain}`)).json().unit.id);
    // 1: the row's button; 2: the dialog opens preset; 3: 确定.
    await page.getByRole('button', { name: '接收并采用 钟村街一步采用的稿件（政务信息）' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`按现行考核办法，此次采用计 ${policy.outlets.dynamic.points} 分。`).waitFor();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await row(page, '钟村街一步采用的稿件').getByText('已采用').waitFor();
    expect(await row(page, '钟村街一步采用的稿件').locator('td').nth(6).textContent()).toBe(
      String(policy.outlets.dynamic.points)
    );

    // From the item page: 《番府信息》 and 《番府信息上报》 (综合调研类) at once, points shown first.
    const two = await sendItem('钟村街', { title: '钟村街两个载体采用的稿件', body: '钟村街的正文乙。' });
    await page.goto(`/items/${two}`);
    await page.getByRole('button', { name: '接收并采用' }).click();
    await dialog.getByRole('checkbox', { name: policy.outlets.report.name }).check();
    await choose(page, `${policy.outlets.report.name}信息类型`, policy.kinds.research);
    await page.getByLabel(`${policy.outlets.report.name}期号`).fill('2026年第8期');
    const both =
      (policy.outlets.dynamic.points as number) + (policy.outlets.report.points as Record<string, number>).research;
    await dialog.getByText(`按现行考核办法，此次采用计 ${both} 分。`).waitFor();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.ant-statistic-content-value', { hasText: new RegExp(`^${both}$`) }).waitFor();
    await see(page, '2026年第8期');

    // A selection, into one issue of 《番府信息上报》 (标题信息).
    const first = await sendItem('石楼镇', { title: '石楼镇批量采用甲', body: '石楼镇正文甲。' });
    await sendItem('石楼镇', { title: '石楼镇批量采用乙', body: '石楼镇正文乙。' });
    await page.goto('/editor/inbox?unitId=' + (await editorApi.get(`/api/items/${first}`)).json().unit.id);
    await row(page, '石楼镇批量采用乙').waitFor();
    await page.getByRole('checkbox', { name: '选择本页全部稿件' }).check();
    await page.getByRole('button', { name: '采用到同一期（2）' }).click();
    await dialog.getByRole('radio', { name: policy.outlets.report.name }).check();
    await choose(page, `${policy.outlets.report.name}信息类型`, policy.kinds.headline);
    await page.getByLabel(`${policy.outlets.report.name}期号`).fill('2026年第9期');
    const headline = (policy.outlets.report.points as Record<string, number>).headline;
    await dialog.getByText(`按现行考核办法，每篇采用计 ${headline} 分，共 ${headline * 2} 分。`).waitFor();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await see(page, '已将 2 篇稿件采用到同一期');
    await expect.poll(() => page.locator('tr.ant-table-row', { hasText: '已采用' }).count()).toBe(2);
    expect((await editorApi.get(`/api/items/${first}`)).json()).toMatchObject({
      status: 'adopted',
      adoptions: [{ outlet: 'report', kind: 'headline', issue: '2026年第9期' }],
    });
    expect(browsing.errors).toEqual([]);
    expect(failed).toEqual([]);
  });
  it("warns of duplicates only for a copied body or one unit's look-alike titles, not for a title template every unit uses", async () => {
    const body = '新造镇召开垃圾分类工作推进会，部署下一阶段分类投放、分类收运工作，全镇设置分类投放点126个。';
    await sendItem('新造镇', { title: '新造镇扎实推进垃圾分类处理工作', body });
    await sendItem('化龙镇', {
      title: '化龙镇扎实推进垃圾分类处理工作',
      body: '化龙镇组织志愿者入户宣传，发放宣传资料三千余份，居民知晓率明显提升。',
    });
    await sendItem('东涌镇', { title: '东涌镇开展垃圾分类宣传活动', body });
    const page = await open();
    await page.goto(`/editor/inbox?q=${encodeURIComponent('垃圾分类')}`);
    await row(page, '化龙镇扎实推进垃圾分类处理工作').waitFor();
    await row(page, '新造镇扎实推进垃圾分类处理工作').getByText('疑似重复 1').waitFor();
    await row(page, '东涌镇开展垃圾分类宣传活动').getByText('疑似重复 1').hover();
    await see(page, /正文几乎相同/);
    // The same templated title from another unit, with its own text, is no warning.
    expect(
      await row(page, '化龙镇扎实推进垃圾分类处理工作')
        .getByText(/疑似重复/)
        .count()
    ).toBe(0);
    expect(browsing.errors).toEqual([]);
    expect(failed).toEqual([]);
  });

  /** An item adopted by 《番府信息上报》 (综合调研类) ten days ago, received and scored. */
  const reportedItem = async (unit: string, title: string) => {
    const id = await sendItem(unit, { title, body: `${title}的正文，说明具体做法和成效。` });
    const accepted = await editorApi.post(`/api/items/${id}/accept`, {
      version: (await editorApi.get(`/api/items/${id}`)).json().version,
      adoptions: [{ outlet: 'report', kind: 'research', date: addDays(todayInChina(), -10) }],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    return id;
  };
  const recordUpwardInDialog = async (page: Page, level: string, date: string) => {
    await page.getByRole('button', { name: '登记上级采用' }).click();
    await choose(page, '采用级别', `${level}采用`);
    await page.getByLabel('采用日期').click();
    await page.getByLabel('采用日期').fill(date);
    await page.getByLabel('采用日期').press('Enter');
  };
  const upwardRow = (page: Page, level: string) => page.locator('tr', { hasText: `${level}采用` });

  it('explains upward points (按最高加分值补足) as the rows then show them, whichever level was recorded first', async () => {
    const city = policy.upward.city.name;
    const province = policy.upward.province.name;
    const early = addDays(todayInChina(), -5);
    const late = addDays(todayInChina(), -2);

    // Province recorded first (later date), then the earlier city adoption: the city counts first.
    const first = await reportedItem('大岗镇', '大岗镇先登记省级采用的稿件');
    expect((await editorApi.post(`/api/items/${first}/upwards`, { level: 'province', date: late })).statusCode).toBe(
      201
    );
    const page = await open();
    await page.goto(`/items/${first}`);
    await upwardRow(page, province).getByText('+10 分').waitFor();
    await recordUpwardInDialog(page, city, early);
    const preview = page.getByRole('list', { name: '保存后各项上级加分' });
    await preview.getByText(`本次登记的${city}采用（${early}）计 8 分`).waitFor();
    await preview.getByText(`${province}采用（${late}）补足 2 分`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await upwardRow(page, city).getByText('+8 分').waitFor();
    await upwardRow(page, province).getByText('+2 分').waitFor();
    // Below the rows, the same account in words.
    await see(
      page,
      `按最高加分值补足（按日期先后）：${city}采用（${early}）计 8 分；${province}采用（${late}）补足 2 分。`
    );

    // City recorded first, then the province: the province tops up 2.
    const second = await reportedItem('大岗镇', '大岗镇先登记市级采用的稿件');
    expect((await editorApi.post(`/api/items/${second}/upwards`, { level: 'city', date: early })).statusCode).toBe(201);
    await page.goto(`/items/${second}`);
    await upwardRow(page, city).getByText('+8 分').waitFor();
    await recordUpwardInDialog(page, province, late);
    await preview.getByText(`${city}采用（${early}）计 8 分`).waitFor();
    await preview.getByText(`本次登记的${province}采用（${late}）补足 2 分`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await upwardRow(page, province).getByText('+2 分').waitFor();
    await upwardRow(page, city).getByText('+8 分').waitFor();
    expect(browsing.errors).toEqual([]);
    expect(failed).toEqual([]);
  });

  it('shows ledger items that carry adoptions as 已采用: the dashboard does not count them as waiting', async () => {
    const waiting = (await editorApi.get('/api/items?status=received&pageSize=1')).json().total as number;
    await ledger([
      { type: 'item', id: 'H-1', unit: '榄核镇', title: '榄核镇台账中已采用的稿件甲', submitted: '2026-01-05' },
      { type: 'adoption', id: 'HA-1', item: 'H-1', outlet: 'portal', date: '2026-01-06' },
      { type: 'item', id: 'H-2', unit: '榄核镇', title: '榄核镇台账中已采用的稿件乙', submitted: '2026-01-05' },
      { type: 'adoption', id: 'HA-2', item: 'H-2', outlet: 'dynamic', date: '2026-01-07' },
      { type: 'item', id: 'H-3', unit: '榄核镇', title: '榄核镇台账中未采用的稿件', submitted: '2026-01-05' },
    ]);
    const page = await open();
    await page.goto('/');
    await see(page, `${waiting + 1} 篇已接收稿件待处理`);
    await page.goto(`/editor/inbox?q=${encodeURIComponent('榄核镇台账')}`);
    await row(page, '榄核镇台账中已采用的稿件甲').locator('.ant-tag', { hasText: '已采用' }).waitFor();
    await row(page, '榄核镇台账中未采用的稿件').locator('.ant-tag', { hasText: '已接收' }).waitFor();
    expect(browsing.errors).toEqual([]);
    expect(failed).toEqual([]);
  });
});

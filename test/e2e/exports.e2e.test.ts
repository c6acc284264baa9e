/** 导出Excel and printing in Chromium: the inbox's and the scores page's workbooks as downloaded, and a page printed without its frame. */
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../src/domain/dates.js';
import {
  PHONE,
  launchBrowser,
  screenshot,
  settled,
  signIn,
  startSystem,
  type Browsing,
  type System,
  isDialectAvailable,
  see,
} from './harness.js';
import { itemSender } from './send-item.js';

/** Clicks the button and reads the file the browser saved: its name and its sheets' rows. */
async function downloadOf(page: Page, button = '导出Excel') {
  const [download] = (await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ])) as [Download, void];
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheets = workbook.worksheets.map((sheet) => {
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row) => rows.push(row));
    return { name: sheet.name, rows };
  });
  return { name: download.suggestedFilename(), sheets };
}

describe.skipIf(!isDialectAvailable)('导出Excel and printing in Chromium', () => {
  let system: System;
  let browsing: Browsing;
  let editor: { username: string; password: string };
  const { sendItem } = itemSender(() => system);
  const today = todayInChina();

  beforeAll(async () => {
    system = await startSystem();
    browsing = await launchBrowser(system.url);
    editor = await system.account('editor');
    await sendItem('沙湾镇', { title: '沙湾镇推进乡村振兴示范带建设' });
    await sendItem('沙湾镇', { title: '沙湾镇开展防汛应急演练', body: '沙湾镇组织开展防汛应急演练。' });
    await sendItem('石基镇', { title: '石基镇举办龙舟文化节', body: '石基镇龙舟文化节吸引游客五万人次。' });
  });
  afterAll(async () => {
    await browsing?.close();
    await system?.close();
  });

  it('the inbox exports every row its filters select, with the columns on screen', async () => {
    const page = await browsing.newPage();
    await signIn(page, editor);
    await page.goto('/editor/inbox?q=%E6%B2%99%E6%B9%BE&pageSize=1');
    await see(page, /沙湾镇/);
    // One row on the page, both matching items in the file.
    expect(await page.locator('tr.ant-table-row').count()).toBe(1);
    const file = await downloadOf(page);
    expect(file.name).toBe(`收件箱_${today}.xlsx`);
    const [sheet] = file.sheets;
    const header = sheet.rows[0].values as unknown[];
    expect(header.slice(1)).toEqual([
      '编号',
      '标题',
      '报送单位',
      '状态',
      '内容类别',
      '报送日期',
      '公开属性',
      '重大敏感',
      '得分',
    ]);
    const body = sheet.rows.slice(1);
    expect(body).toHaveLength(2);
    expect(body.map((row) => row.getCell(3).value)).toEqual(['沙湾镇', '沙湾镇']);
    expect(body.every((row) => row.getCell(9).type === ExcelJS.ValueType.Number)).toBe(true);
    expect(browsing.errors).toEqual([]);
  });

  it('the scores page exports one sheet per series, points as numbers', async () => {
    const page = await browsing.newPage();
    await signIn(page, editor);
    await page.goto('/scores');
    await see(page, '考核得分');
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'scores-export');
    const file = await downloadOf(page);
    expect(file.name).toMatch(new RegExp(`^考核得分_\\d{4}年(全年|第.季度)_${today}\\.xlsx$`));
    expect(file.sheets.length).toBeGreaterThan(1);
    const town = file.sheets.find((sheet) => sheet.rows.some((row) => row.getCell(2).value === '沙湾镇'))!;
    expect((town.rows[0].values as unknown[]).slice(1, 3)).toEqual(['季度排名', '单位']);
    expect(town.rows.slice(1).every((row) => row.getCell(3).type === ExcelJS.ValueType.Number)).toBe(true);
    expect(browsing.errors).toEqual([]);
  });

  it('says in Chinese why an export failed', async () => {
    const page = await browsing.newPage();
    await signIn(page, editor);
    await page.goto('/editor/inbox');
    await see(page, '沙湾镇推进乡村振兴示范带建设（政务信息）');
    // The export's own rate limit, as the server would answer it.
    browsing.expectRefusal(/^429 GET \/api\/items\/export/);
    await page.route('**/api/items/export*', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'too_many', message: '请求过于频繁，请稍后再试' }),
      })
    );
    await page.getByRole('button', { name: '导出Excel' }).click();
    await see(page, '导出失败：请求过于频繁，请稍后再试');
    expect(browsing.errors).toEqual([]);
  });

  it('fits its 导出Excel button on every page at phone width', async () => {
    const page = await browsing.newPage(PHONE);
    await signIn(page, editor);
    for (const address of [
      '/editor/inbox',
      '/scores',
      '/editor/solicitations',
      '/editor/penalties',
      '/admin/registry',
      '/admin/trainings',
    ]) {
      await page.goto(address);
      await page.getByRole('button', { name: '导出Excel' }).waitFor();
      await settled(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, address).toBeLessThanOrEqual(0);
    }
    expect(browsing.errors).toEqual([]);
  });

  it('prints the page alone: no menu, header or buttons, table headers repeated on every sheet', async () => {
    const page = await browsing.newPage();
    await signIn(page, editor);
    await page.goto('/editor/inbox');
    await see(page, '沙湾镇推进乡村振兴示范带建设（政务信息）');
    expect(await page.locator('.app-sider').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const frame of ['.app-sider', '.app-header']) await page.locator(frame).waitFor({ state: 'hidden' });
    expect(await page.getByRole('button', { name: '导出Excel' }).isVisible()).toBe(false);
    await see(page, '沙湾镇推进乡村振兴示范带建设（政务信息）');
    const styles = await page.evaluate(() => {
      const thead = document.querySelector('.ant-table-thead')!;
      const row = document.querySelector('tr.ant-table-row')!;
      const table = document.querySelector('.ant-table-wrapper')!;
      return {
        thead: getComputedStyle(thead).display,
        row: getComputedStyle(row).breakInside,
        table: getComputedStyle(table).breakInside,
      };
    });
    // A table that fits on a sheet starts on a new one rather than breaking; a longer one breaks between rows.
    expect(styles).toEqual({ thead: 'table-header-group', row: 'avoid', table: 'avoid' });
    await screenshot(page, 'inbox-print');
    await page.emulateMedia({ media: 'screen' });
    await page.locator('.app-sider').waitFor({ state: 'visible' });
    expect(browsing.errors).toEqual([]);
  });
});

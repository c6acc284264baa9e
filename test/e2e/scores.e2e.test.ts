/** 考核 in Chromium: the scores page shows an adoption's +13 with its bookings; quarterly results prepared, approved, published. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, quarterEnd, quarterOf, todayInChina, yearOf } from '../../src/domain/dates.js';
import { importLedger } from '../../src/services/import-ledger.js';
import { DRAFT } from '../factories/item.factory.js';
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

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];

describe.skipIf(!isDialectAvailable)('scores and quarterly results in Chromium', () => {
  let system: System;
  let browsing: Browsing;
  let editorAccount: { username: string; password: string };
  let itemId: number;
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
    for (const [actor, action] of [
      [officer, 'submit_for_review'],
      [reviewer, 'approve'],
      [editor, 'receive'],
    ] as const) {
      expect((await actor.transition(id, action)).statusCode).toBe(200);
    }
    expect(
      (
        await editor.post(`/api/items/${id}/adoptions`, {
          outlet: 'report',
          kind: 'research',
          date: today,
          issue: `${year}年第5期`,
        })
      ).statusCode
    ).toBe(201);
    expect(
      (await editor.post(`/api/items/${id}/instructions`, { level: 'district', date: today, leader: '区长' }))
        .statusCode
    ).toBe(201);
    itemId = id;
    // From the ledger: 区发改局 earns under every outlet this quarter (the chart by outlet gets six long
    // labels), and 石基镇 earned 24 last quarter, so it leads the year while 沙湾镇 leads this quarter.
    const ledger: Record<string, unknown>[] = [
      { type: 'item', id: 'E-1', unit: '区发改局', title: '区发改局推进重点项目（政务信息）', submitted: today },
      { type: 'adoption', id: 'E-A1', item: 'E-1', outlet: 'portal', date: today },
      { type: 'adoption', id: 'E-A2', item: 'E-1', outlet: 'dynamic', date: today },
      { type: 'adoption', id: 'E-A3', item: 'E-1', outlet: 'report', kind: 'brief', date: today },
      { type: 'instruction', id: 'E-N1', item: 'E-1', level: 'district', date: today },
      { type: 'upward', id: 'E-U1', item: 'E-1', level: 'city', kind: 'brief', date: today },
      { type: 'penalty', id: 'E-P1', unit: '区发改局', reason: 'criticism', date: today },
    ];
    if (quarter > 1) {
      const earlier = addDays(quarterEnd(year, quarter - 1), -10);
      for (const n of [1, 2, 3]) {
        ledger.push({
          type: 'item',
          id: `S-${n}`,
          unit: '石基镇',
          title: `石基镇工作动态${n}（政务信息）`,
          submitted: earlier,
        });
        ledger.push({
          type: 'adoption',
          id: `S-A${n}`,
          item: `S-${n}`,
          outlet: 'report',
          kind: 'research',
          date: earlier,
        });
      }
    }
    expect(
      await importLedger(
        system.store.db,
        ledger.map((fields, i) => ({ fields, file: 'e2e', line: i + 1 }))
      )
    ).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await browsing?.close();
    await system?.close();
  });

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

  /** The rank column's header and each named unit's rank in the shown series table. */
  const ranks = async (page: Page, units: string[]) => {
    const panel = page.getByRole('tabpanel');
    const header = await panel.locator('thead th').first().innerText();
    const found: string[] = [];
    for (const unit of units)
      found.push(await panel.getByRole('row').filter({ hasText: unit }).getByRole('cell').first().innerText());
    return [header, ...found];
  };

  it.skipIf(quarter === 1)('ranks a quarter by that quarter’s points and the year by the year’s', async () => {
    const page = await browsing.newPage();
    await signIn(page, editorAccount);
    await page.goto('/scores');
    await page.getByRole('tabpanel').getByRole('row').filter({ hasText: '石基镇' }).waitFor();
    // This quarter 沙湾镇 has 13 and 石基镇 none; over the year 石基镇's 24 leads.
    expect(await ranks(page, ['沙湾镇', '石基镇'])).toEqual(['季度排名', '1', '2']);
    await choose(page, '考核期间', '全年');
    await page.getByRole('tabpanel').locator('thead th').filter({ hasText: '年度排名' }).waitFor();
    expect(await ranks(page, ['石基镇', '沙湾镇'])).toEqual(['年度排名', '1', '2']);
    expect(browsing.errors).toEqual([]);
  });

  /** Pairs of texts drawn in the chart whose boxes overlap (labels, legend, axis). */
  const overlappingTexts = (page: Page, chartName: string) =>
    page.getByRole('img', { name: chartName }).evaluate((chart) => {
      const boxes = [...chart.querySelectorAll('svg text')]
        .map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }))
        .filter((t) => t.text.trim() !== '' && t.box.width > 0);
      const clashes: string[] = [];
      boxes.forEach((a, i) =>
        boxes.slice(i + 1).forEach((b) => {
          // The lines of one wrapped label share its centre and may touch; anything else must not.
          const sameLabel = Math.abs((a.box.left + a.box.right) / 2 - (b.box.left + b.box.right) / 2) < 1;
          const overlap =
            !sameLabel &&
            Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left) > 1 &&
            Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top) > 1;
          if (overlap) clashes.push(`${a.text} × ${b.text}`);
        })
      );
      return { count: boxes.length, clashes };
    });

  for (const [name, viewport] of [
    ['at 1366×768', undefined],
    ['at phone width', PHONE],
  ] as const) {
    it(`the chart by outlet draws its long outlet names without any overlapping ${name}`, async () => {
      const page = await browsing.newPage(viewport);
      await signIn(page, editorAccount);
      await page.goto('/scores');
      const chart = page.getByRole('img', { name: '按采用载体得分' });
      await chart.scrollIntoViewIfNeeded();
      await chart.locator('svg text', { hasText: '扣分' }).first().waitFor();
      const { count, clashes } = await overlappingTexts(page, '按采用载体得分');
      expect(count).toBeGreaterThanOrEqual(6);
      expect(clashes).toEqual([]);
      expect(browsing.errors).toEqual([]);
    });

    it(`an item’s 得分 card keeps each 分值 on one line ${name}`, async () => {
      const page = await browsing.newPage(viewport);
      await signIn(page, editorAccount);
      await page.goto(`/items/${itemId}`);
      const card = page.locator('.ant-card').filter({ has: page.getByText('本稿件累计得分') });
      await card.getByRole('cell', { name: '+8', exact: true }).waitFor();
      // One line box per cell: a value or header set one character a line has as many as characters.
      const lines = await card.locator('table').evaluate((table) => {
        const column = [...table.querySelectorAll('thead th')].findIndex((th) => th.textContent === '分值');
        return [...table.querySelectorAll('thead tr, tbody tr.ant-table-row')].map((row) => {
          const cell = row.children[column] as HTMLElement;
          const range = document.createRange();
          range.selectNodeContents(cell);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const tops = new Set(rects.map((r) => Math.round(r.top)));
          return { text: cell.textContent, lines: tops.size, fits: cell.scrollWidth <= cell.clientWidth + 1 };
        });
      });
      expect(lines.map((l) => l.text)).toEqual(['分值', '+8', '+5']);
      for (const line of lines) expect(line).toMatchObject({ lines: 1, fits: true });
      expect(browsing.errors).toEqual([]);
    });
  }

  it('a finished quarter’s results stand as of its last day', async () => {
    const previous = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
    const page = await browsing.newPage();
    await signIn(page, editorAccount);
    await page.goto('/results');
    await page.getByRole('button', { name: '编制考核结果' }).waitFor();
    await choose(page, '考核年度', `${previous.year} 年`);
    await choose(page, '季度', QUARTERS[previous.quarter - 1]);
    await page.getByRole('button', { name: '编制考核结果' }).click();
    await see(page, `${previous.year} 年第${'一二三四'[previous.quarter - 1]}季度政务信息考核情况`);
    const [, month, day] = quarterEnd(previous.year, previous.quarter).split('-').map(Number);
    const asOf = page.locator('.ant-descriptions-item').filter({ hasText: '统计截至' });
    expect(await asOf.locator('.ant-descriptions-item-content').innerText()).toBe(
      `${previous.year}年${month}月${day}日`
    );
    expect(browsing.errors).toEqual([]);
  });
});

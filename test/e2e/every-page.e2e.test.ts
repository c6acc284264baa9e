/**
 * Every page of every role on data the tests did not draft: a demo year and a ledger imported
 * through the import page. Imported records lack what a form would require (no body, phone,
 * 签发人 or history), so this is where a page that assumes them goes blank. No page may show
 * the error boundary, log a console error or make a request that fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canOpen, PAGES, pathOf, type PageKey } from '../../web/src/access.js';
import { todayInChina, yearOf } from '../../src/domain/dates.js';
import { listUnits } from '../../src/db/repositories/unit.repository.js';
import { generateDemoLedger } from '../../src/services/generate-demo.js';
import { importLedger } from '../../src/services/import-ledger.js';
import type { Role } from '../../src/shared/roles.js';
import { DRAFT } from '../factories/item.factory.js';
import { loginAs } from '../helpers/test-app.js';
import {
  launchBrowser,
  navigateInApp,
  see,
  signIn,
  startSystem,
  type Browsing,
  type System,
  isDialectAvailable,
} from './harness.js';

const UNIT = '沙湾镇';
const LEDGER = [
  '类型,编号,单位,标题,报送日期,稿件编号,采用载体,信息类型,日期',
  `信息稿件,L-1,${UNIT},沙湾镇台账导入的稿件（政务信息）,${todayInChina().slice(0, 4)}-01-05,,,,`,
  `采用,LA-1,,,,L-1,番府信息上报,综合调研,${todayInChina().slice(0, 4)}-01-07`,
].join('\n');

const ROLES: { role: Role; unit: string | null }[] = [
  { role: 'officer', unit: UNIT },
  { role: 'reviewer', unit: UNIT },
  { role: 'principal', unit: UNIT },
  { role: 'editor', unit: null },
  { role: 'office_leader', unit: null },
  { role: 'sys_admin', unit: null },
  { role: 'security_admin', unit: null },
  { role: 'audit_admin', unit: null },
];

/** The error boundary's title (web/src/components/RouteErrorBoundary.tsx). */
const BOUNDARY = '此页面出现错误，暂时无法显示';

describe.skipIf(!isDialectAvailable)('every page on a demo year and an imported ledger', () => {
  let system: System;
  let browsing: Browsing;
  let dir: string;
  const ids = { demoItem: 0, importedItem: 0, draft: 0, unit: 0, issue: 0, notice: 0 };

  beforeAll(async () => {
    system = await startSystem();
    browsing = await launchBrowser(system.url);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-every-page-'));
    const db = system.store.db;
    const units = await listUnits(db);
    const records = generateDemoLedger({
      year: yearOf(todayInChina()) - 1,
      seed: 7,
      units: units.map((u) => ({ name: u.name, series: u.series_code })),
    });
    const outcome = await importLedger(
      db,
      records.map((fields, i) => ({ fields, file: 'demo', line: i + 1 }))
    );
    expect(outcome.ok).toBe(true);
    ids.unit = units.find((u) => u.name === UNIT)!.id;
    // A demo item of the unit that the district adopted: it has bookings, no body history or phone.
    const demo = await db
      .selectFrom('items')
      .innerJoin('adoptions', 'adoptions.item_id', 'items.id')
      .select('items.id')
      .where('items.unit_id', '=', ids.unit)
      .orderBy('items.id')
      .executeTakeFirstOrThrow();
    ids.demoItem = demo.id;
    const officer = await system.account('officer', UNIT);
    const client = await loginAs(system.app, officer.username, officer.password);
    const created = await client.post('/api/items', DRAFT);
    expect(created.statusCode).toBe(201);
    ids.draft = created.json().id;
    // An issue of 《番府信息上报》 carrying the demo item, which came from a ledger without a body.
    const editor = await system.account('editor');
    const editorClient = await loginAs(system.app, editor.username, editor.password);
    const report = (await editorClient.get('/api/periodicals'))
      .json()
      .find((p: { outlet: string }) => p.outlet === 'report');
    const issue = await editorClient.post('/api/periodicals/issues', {
      periodicalId: report.id,
      year: yearOf(todayInChina()),
      date: todayInChina(),
      items: [{ itemId: ids.demoItem, title: '台账稿件编入刊物', body: '编辑补写的正文。', kind: 'brief' }],
    });
    expect(issue.statusCode, issue.body).toBe(201);
    ids.issue = issue.json().id;
    // A notice posted to every unit, for the notice page.
    const notice = await editorClient.post('/api/notices', {
      title: '关于召开全区政务信息工作会议的通知',
      body: '会议时间另行通知。',
      kind: 'meeting',
      audience: 'all',
    });
    expect(notice.statusCode).toBe(201);
    ids.notice = notice.json().id;
    expect((await editorClient.post(`/api/notices/${ids.notice}/publish`)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await browsing?.close();
    await system?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Waits for the page and its requests to settle, then checks it did not fall into the error boundary. */
  const settle = async (page: Page, address: string) => {
    await navigateInApp(page, address);
    expect(await page.getByText(BOUNDARY).count(), `${address} fell into the error boundary`).toBe(0);
  };

  it('imports a ledger through the import page; its item opens for the editor, the officer and the office leader', async () => {
    const editor = await system.account('editor');
    const page = await browsing.newPage();
    await signIn(page, editor);
    await page.goto('/admin/import');
    const file = path.join(dir, '台账.csv');
    fs.writeFileSync(file, LEDGER);
    await page.locator('input[type=file]').setInputFiles(file);
    await see(page, '文件没有问题');
    await page.getByRole('button', { name: '确认导入' }).click();
    await see(page, '导入完成');
    const imported = await system.store.db
      .selectFrom('items')
      .select('id')
      .where('ref', '=', 'L-1')
      .executeTakeFirstOrThrow();
    ids.importedItem = imported.id;

    for (const { role, unit } of [
      { role: 'editor' as const, unit: null },
      { role: 'officer' as const, unit: UNIT },
      { role: 'office_leader' as const, unit: null },
    ]) {
      const viewer = role === 'editor' ? page : await browsing.newPage();
      if (role !== 'editor') await signIn(viewer, await system.account(role, unit));
      for (const id of [ids.importedItem, ids.demoItem]) {
        await settle(viewer, `/items/${id}`);
        await see(viewer, '稿件要素');
        await see(viewer, '台账只记录标题和采用情况，没有正文');
      }
      await see(viewer, '得分');
    }
    expect(browsing.errors).toEqual([]);
  });

  it('opens every page each role may open, at its real address, without an error, a console error or a failed request', async () => {
    const params: Partial<Record<PageKey, Record<string, number>>> = {
      itemDetail: { id: ids.demoItem },
      itemEdit: { id: ids.draft },
      unitScore: { id: ids.unit },
      periodicalIssue: { id: ids.issue },
      noticeDetail: { id: ids.notice },
    };
    const opened: string[] = [];
    for (const { role, unit } of ROLES) {
      const page = await browsing.newPage();
      await signIn(page, await system.account(role, unit));
      for (const key of Object.keys(PAGES) as PageKey[]) {
        if (!canOpen(role, key) || key === 'password' || key === 'totp') continue;
        await settle(page, pathOf(key, params[key]));
        opened.push(`${role} ${key}`);
      }
      await page.context().close();
    }
    // Every role opened its pages: a role whose menu lost its pages would pass silently otherwise.
    expect(opened.filter((entry) => entry.startsWith('officer ')).length).toBeGreaterThanOrEqual(9);
    expect(opened.filter((entry) => entry.startsWith('editor ')).length).toBeGreaterThanOrEqual(12);
    expect(browsing.errors).toEqual([]);
  });

  it('shows the error boundary in Chinese with a way back when a page cannot render, never a white page', async () => {
    const page = await browsing.newPage();
    await signIn(page, await system.account('editor'));
    // A response the page cannot use: the body must be text, here an object.
    await page.route(`**/api/items/${ids.demoItem}`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ id: ids.demoItem, title: 1, unit: null }),
      })
    );
    await page.goto(`/items/${ids.demoItem}`);
    await see(page, BOUNDARY);
    await page.getByRole('link', { name: '返回工作台' }).waitFor();
    // The frame around the page still works.
    await page.getByRole('menuitem', { name: '收稿箱' }).click();
    await page.waitForURL('**/editor/inbox');
    // The router keeps the last screen up while the next page's code loads; then the boundary is gone.
    await page.getByText(BOUNDARY).waitFor({ state: 'detached' });
    await see(page, '按待办顺序排列');
    // The page's own crash is the one error this test expects.
    expect(browsing.errors.filter((e) => !e.includes(`/items/${ids.demoItem}`))).toEqual([]);
    browsing.errors.length = 0;
  });
});

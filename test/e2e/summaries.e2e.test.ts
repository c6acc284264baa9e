/** 工作总结 in Chromium: the editor opens last year's summary on a demo year, sees the three charts, edits a paragraph and downloads the .docx. */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina, yearOf } from '../../src/domain/dates.js';
import { listUnits } from '../../src/db/repositories/unit.repository.js';
import { generateDemoLedger } from '../../src/services/generate-demo.js';
import { importLedger } from '../../src/services/import-ledger.js';
import {
  launchBrowser,
  see,
  settled,
  signIn,
  startSystem,
  type Browsing,
  type System,
  isDialectAvailable,
} from './harness.js';

describe.skipIf(!isDialectAvailable)('工作总结 in Chromium', () => {
  let system: System;
  let browsing: Browsing;
  const year = yearOf(todayInChina()) - 1;

  beforeAll(async () => {
    system = await startSystem();
    browsing = await launchBrowser(system.url);
    const units = await listUnits(system.store.db);
    const records = generateDemoLedger({
      year,
      seed: 11,
      units: units.map((u) => ({ name: u.name, series: u.series_code })),
    });
    const outcome = await importLedger(
      system.store.db,
      records.map((fields, i) => ({ fields, file: 'demo', line: i + 1 }))
    );
    expect(outcome.ok).toBe(true);
  });
  afterAll(async () => {
    await browsing?.close();
    await system?.close();
  });

  it('shows the figures and charts, saves an edited paragraph and downloads the Word file', async () => {
    const page = await browsing.newPage();
    await signIn(page, await system.account('editor'));
    await page.goto(`/summaries?year=${year}`);
    await see(page, `番禺区${year}年政务信息工作总结`);
    await settled(page);
    for (const label of ['各序列分季度得分', '按采用载体得分', '与去年同期得分走势'])
      await page.locator(`[role=img][aria-label="${label}"] svg`).first().waitFor({ state: 'visible' });
    await see(page, '通报表扬（全年四个考核季度全部达标，按排名）');

    const paragraph = page.getByLabel('镇(街)序列分析');
    await paragraph.fill('全年镇(街)序列信息报送总体平稳（编辑修改）。');
    await page.getByRole('button', { name: '保存' }).click();
    await see(page, '分析段落已保存');
    await see(page, '草稿');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载 Word/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`番禺区${year}年政务信息工作总结.docx`);
    const bytes = fs.readFileSync(await file.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // Where the server has no LibreOffice, 下载 PDF says so on the page; nothing opens or downloads.
    const soffice = process.env.GOVINFO_SOFFICE;
    process.env.GOVINFO_SOFFICE = '/nonexistent/soffice';
    browsing.expectRefusal(/^400 GET \/api\/summaries\/document\?.*format=pdf/);
    try {
      await page.getByRole('button', { name: /下载 PDF/ }).click();
      await see(page, '下载失败：本机未安装 LibreOffice，无法生成 PDF');
    } finally {
      if (soffice === undefined) delete process.env.GOVINFO_SOFFICE;
      else process.env.GOVINFO_SOFFICE = soffice;
    }
    expect(page.url()).toContain('/summaries');
    expect(browsing.errors).toEqual([]);
  });
});

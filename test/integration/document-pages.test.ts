/**
 * A page of every document the office produces, drawn as a picture: the quarterly bulletin, an
 * issue of 《番府信息上报》, the half-year summary and the annual summary's 通报表扬, on the demo year. `npm test` draws
 * them into a temporary folder (where LibreOffice and poppler are installed); `npm run
 * document-pages` draws them into docs/documents for the README.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertDocxToPdf, pdfAvailable, renderPagePng } from '../../src/files/pdf-conversion.js';
import { listUnits } from '../../src/db/repositories/unit.repository.js';
import { generateDemoLedger } from '../../src/services/generate-demo.js';
import { importLedger } from '../../src/services/import-ledger.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { pdfPageCount, pdfPageText } from '../helpers/office-files.js';

const YEAR = 2011;
const isSqliteRun = process.env.GOVINFO_TEST_DIALECT !== 'postgres';
const canDraw = pdfAvailable();
const PAGES = process.env.GOVINFO_DOCUMENT_PAGES ?? fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-document-pages-'));
if (isSqliteRun && !canDraw)
  console.warn('LibreOffice (soffice) is not installed: the document page pictures are not drawn.');

const SURNAMES = '陈李黄张梁何罗林郭吴周刘';
const GIVEN = ['志强', '丽华', '建国', '晓明', '少芳', '国平', '雪梅', '伟文', '美玲', '振华'];

/** A 信息员登记备案 for every unit (the demo year has none): its 直接责任人 and 信息员, so the summary names them. */
function roster(units: readonly string[]): Record<string, unknown>[] {
  const person = (n: number) => SURNAMES[n % SURNAMES.length] + GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length];
  return units.flatMap((unit, i) =>
    (['director', 'officer'] as const).map((duty, k) => ({
      type: 'contact',
      id: `C-${i * 2 + k + 1}`,
      unit,
      duty,
      name: person(i * 2 + k),
      staffing: 'civil_servant',
      from: `${YEAR - 1}-01-01`,
    }))
  );
}

// Pictures of files the API tests already check on both engines: drawn once, on SQLite.
describe.skipIf(!isSqliteRun || !canDraw)('a page of each document, as the README shows it', () => {
  let t: TestApp;
  let editor: ApiClient;
  let leader: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    const units = await listUnits(t.store.db);
    const records = generateDemoLedger({
      year: YEAR,
      seed: 2010,
      withText: true,
      units: units.map((u) => ({ name: u.name, series: u.series_code })),
    });
    const outcome = await importLedger(
      t.store.db,
      [...records, ...roster(units.map((u) => u.name))].map((fields, i) => ({ fields, file: 'demo', line: i + 1 }))
    );
    expect(outcome.ok).toBe(true);
    editor = await signInNewUser(t, 'editor');
    leader = await signInNewUser(t, 'office_leader');
    fs.mkdirSync(PAGES, { recursive: true });
  });
  afterAll(async () => t?.cleanup());

  /**
   * Downloads a .docx, converts it to PDF and draws into PAGES/name.png its first page, or the first
   * that holds `showing` (pdftotext, from poppler too).
   */
  async function drawFirstPage(client: ApiClient, url: string, name: string, showing?: string): Promise<void> {
    const response = await client.get(url);
    expect(response.statusCode, response.body).toBe(200);
    const pdf = await convertDocxToPdf(response.rawPayload);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    let page = 1;
    if (showing !== undefined) {
      // pdftotext spaces out figures set among Chinese text (表 5): compare without spaces.
      const texts = Array.from({ length: pages }, (_, i) => pdfPageText(pdf, i + 1).replace(/\s+/g, ''));
      page = texts.findIndex((text) => text.includes(showing.replace(/\s+/g, ''))) + 1;
      expect(page, `no page shows ${showing}`).toBeGreaterThan(0);
    }
    const png = await renderPagePng(pdf, 80, page);
    if (png === null) return console.warn('pdftoppm (poppler-utils) is not installed: no page picture drawn.');
    // An A4 page at 80 dpi.
    expect(Math.abs(png.readUInt32BE(16) - 661)).toBeLessThanOrEqual(1);
    fs.writeFileSync(path.join(PAGES, `${name}.png`), png);
  }

  it('the quarter’s 《番府信息》(工作通讯)', async () => {
    const prepared = await editor.post('/api/results', { year: YEAR, quarter: 2 });
    expect(prepared.statusCode, prepared.body).toBe(201);
    await drawFirstPage(editor, `/api/results/${prepared.json().id}/document?format=docx`, 'bulletin');
  });

  it('an issue of 《番府信息上报》 of three items', async () => {
    const report = (await editor.get('/api/periodicals')).json().find((p: { outlet: string }) => p.outlet === 'report');
    const candidates = (await editor.get('/api/periodicals/candidates?q=防汛')).json() as {
      id: number;
      title: string;
      body: string;
    }[];
    expect(candidates.length).toBeGreaterThanOrEqual(3);
    const number = (await editor.get(`/api/periodicals/${report.id}/next-number?year=${YEAR}`)).json().number;
    const issue = await editor.post('/api/periodicals/issues', {
      periodicalId: report.id,
      year: YEAR,
      number,
      date: `${YEAR}-07-08`,
      items: candidates.slice(0, 3).map((c, k) => ({
        itemId: c.id,
        title: c.title.replace(/（政务信息）$/, ''),
        body: c.body || '（正文从略）',
        kind: ['research', 'headline', 'brief'][k],
      })),
    });
    expect(issue.statusCode, issue.body).toBe(201);
    await drawFirstPage(editor, `/api/periodicals/issues/${issue.json().id}/document?format=docx`, 'periodical-issue');
  });

  it('the 半年小结 with its charts', async () => {
    await drawFirstPage(leader, `/api/summaries/document?year=${YEAR}&half=1&format=docx`, 'summary');
  });

  it('the 年度总结: its page of 通报表扬 with the registry’s names', async () => {
    await drawFirstPage(
      leader,
      `/api/summaries/document?year=${YEAR}&format=docx`,
      'annual-summary',
      '表5 通报表扬名单'
    );
  });
});

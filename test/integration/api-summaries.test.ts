import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUnits } from '../../src/db/repositories/unit.repository.js';
import { pdfAvailable } from '../../src/files/pdf-conversion.js';
import { PAGE } from '../../src/files/official-docx.js';
import { openZipEntry, readZipDirectory, type ZipEntry } from '../../src/files/zip-archive.js';
import { verifyAudit } from '../../src/services/audit/verify-audit.js';
import { computeScores } from '../../src/services/compute-scores.js';
import { generateDemoLedger } from '../../src/services/generate-demo.js';
import { importLedger } from '../../src/services/import-ledger.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

/** The text of one part of a .docx (or .xlsx), read through the archive's own central directory. */
async function zipPart(data: Buffer, name: string): Promise<string> {
  const entries = readZipDirectory(data, 1000) as ZipEntry[];
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the archive`);
  const chunks: Buffer[] = [];
  for await (const chunk of openZipEntry(data, entry)!) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const bytesOf = (response: { rawPayload: Buffer }) => response.rawPayload;

describe.skipIf(!isDialectAvailable)('API: half-year and annual summaries', () => {
  let t: TestApp;
  let editor: ApiClient;
  let leader: ApiClient;
  let officer: ApiClient;
  let reviewer: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    const units = await listUnits(t.store.db);
    // Two demo years: 2025 is summarised, 2024 is its "same period last year".
    const records = generateDemoLedger({
      year: [2024, 2025],
      seed: 2011,
      units: units.map((u) => ({ name: u.name, series: u.series_code })),
    });
    const outcome = await importLedger(
      t.store.db,
      records.map((fields, i) => ({ fields, file: 'demo', line: i + 1 }))
    );
    expect(outcome.ok).toBe(true);
    editor = await signInNewUser(t, 'editor');
    leader = await signInNewUser(t, 'office_leader');
    officer = await signInNewUser(t, 'officer', '沙湾镇');
    reviewer = await signInNewUser(t, 'reviewer', '沙湾镇');
  });
  afterAll(async () => t?.cleanup());

  it('computes the half-year figures from the records: points of Q1–Q2 against last year’s same period', async () => {
    const response = await editor.get('/api/summaries?year=2025&half=1');
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    expect(view).toMatchObject({ status: 'none', id: null, frozen: false, half: 1 });
    expect(view.figures.title).toBe('番禺区2025年上半年政务信息工作小结');
    const [current, previous] = await Promise.all([
      computeScores(t.store.db, { year: 2025 }),
      computeScores(t.store.db, { year: 2024 }),
    ]);
    for (const unit of current.units) {
      const figure = view.figures.units.find((u: { unit: string }) => u.unit === unit.unit);
      const last = previous.units.find((u) => u.unit === unit.unit)!;
      expect(figure.points).toBe(unit.quarters[0].points + unit.quarters[1].points);
      expect(figure.previousPoints).toBe(last.quarters[0].points + last.quarters[1].points);
    }
    const towns = view.figures.series.find((s: { code: string }) => s.code === 'town');
    expect(towns.target).toBe(36);
    expect(view.paragraphs.find((p: { series: string }) => p.series === 'town').text).toMatch(
      /^上半年镇\(街\)序列 19 个单位中 \d+ 个达到半年指标（36 分）/
    );
    expect(view.figures.charts.byQuarter.categories).toEqual(['第一季度', '第二季度']);
    expect(view.figures.charts.trend.series.map((s: { name: string }) => s.name)).toEqual(['2024年', '2025年']);
    expect(view.figures.commended).toBeNull();
    expect((await officer.get('/api/summaries?year=2025&half=1')).statusCode).toBe(403);
  });

  it('writes the figures as an .xlsx with one sheet per series, as computeScores has them', async () => {
    const response = await editor.get('/api/summaries/document?year=2025&format=xlsx');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesOf(response) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const names = workbook.worksheets.map((s) => s.name);
    for (const series of ['镇(街)序列', '工作部门序列A类', '工作部门序列B类', '直报点序列'])
      expect(names).toContain(series);
    expect(names).toContain('通报表扬');
    const scores = await computeScores(t.store.db, { year: 2025 });
    const sheet = workbook.getWorksheet('镇(街)序列')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual([
      '排名',
      '单位',
      '第一季度',
      '第二季度',
      '第三季度',
      '第四季度',
      '合计得分',
      '年度指标',
    ]);
    let rows = 0;
    sheet.eachRow((row, index) => {
      if (index === 1) return;
      rows++;
      const values = (row.values as unknown[]).slice(1);
      const unit = scores.units.find((u) => u.unit === values[1])!;
      expect(values.slice(2, 6)).toEqual(unit.quarters.map((q) => q.points));
      expect(values[6]).toBe(unit.annual.points);
      expect(values[7]).toBe(72);
      expect(values[8]).toBe(unit.annual.met ? '达标' : '未达标');
      expect(values[0]).toBe(unit.rank);
    });
    expect(rows).toBe(19);
  });

  it('lays the annual summary out as an official .docx with the charts as PNG and the 通报表扬 names from the registry', async () => {
    const scores = await computeScores(t.store.db, { year: 2025 });
    const commended = scores.units.find((u) => u.all_quarters_met)!;
    expect(commended).toBeDefined();
    const units = (await editor.get('/api/units')).json() as { id: number; name: string }[];
    const unitId = units.find((u) => u.name === commended.unit)!.id;
    for (const [duty, name] of [
      ['director', '陈直责'],
      ['officer', '李信息'],
    ])
      expect(
        (
          await editor.post(`/api/units/${unitId}/contacts`, {
            duty,
            name,
            post: '科长',
            mobile: '13800138000',
            staffing: 'civil_servant',
            startedOn: '2025-01-01',
          })
        ).statusCode
      ).toBe(201);

    const response = await editor.get('/api/summaries/document?year=2025&format=docx');
    expect(response.statusCode, response.body).toBe(200);
    expect(decodeURIComponent(response.headers['content-disposition'] as string)).toContain(
      '番禺区2025年政务信息工作总结.docx'
    );
    const docx = bytesOf(response);
    const entries = readZipDirectory(docx, 1000) as ZipEntry[];
    expect(entries.filter((e) => /^word\/media\/.+\.png$/.test(e.name)).length).toBe(3);
    const xml = await zipPart(docx, 'word/document.xml');
    expect(xml).toContain(`<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"`);
    expect(PAGE).toMatchObject({ width: 11906, height: 16838 });
    for (const [side, value] of Object.entries(PAGE.margin)) expect(xml).toContain(`w:${side}="${value}"`);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('番禺区2025年政务信息工作总结');
    expect(xml).toContain('通报表扬');
    // Commended under the policy in force, by its own title.
    expect(xml).toContain('根据番府办〔2010〕12号《番禺区政务信息工作实施方案》，对全年四个考核季度全部达标');
    expect(xml).toContain('陈直责');
    expect(xml).toContain('李信息');
    expect(xml).toContain('广州市番禺区人民政府办公室');
  });

  it.skipIf(!pdfAvailable())('converts the summary to PDF through LibreOffice', async () => {
    const response = await editor.get('/api/summaries/document?year=2025&half=1&format=pdf');
    expect(response.statusCode, response.body).toBe(200);
    const pdf = bytesOf(response);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThan(2);
  });
  if (!pdfAvailable()) it('PDF: skipped, LibreOffice (soffice) is not installed here', () => undefined);

  it('runs the approval: the editor edits and submits, a leader returns with a comment, then approves; approved figures stay frozen', async () => {
    const path = '/api/summaries?year=2025&half=1';
    const edited = '上半年镇(街)序列整体完成较好（编辑修改）。';
    expect((await leader.put('/api/summaries', { year: 2025, half: 1, paragraphs: [] })).statusCode).toBe(403);
    expect(
      (await officer.put('/api/summaries', { year: 2025, half: 1, paragraphs: [{ series: 'town', text: 'x' }] }))
        .statusCode
    ).toBe(403);
    const saved = await editor.put('/api/summaries', {
      year: 2025,
      half: 1,
      paragraphs: [{ series: 'town', text: edited }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    let view = (await editor.get(path)).json();
    expect(view).toMatchObject({ status: 'draft', id: saved.json().id, version: 1 });
    expect(view.paragraphs.find((p: { series: string }) => p.series === 'town').text).toBe(edited);
    expect(
      (
        await editor.put('/api/summaries', {
          year: 2025,
          half: 1,
          paragraphs: [{ series: 'nope', text: 'x' }],
          version: 1,
        })
      ).statusCode
    ).toBe(400);
    expect(
      (await editor.put('/api/summaries', { year: 2025, half: 1, paragraphs: [{ series: 'town', text: 'x' }] }))
        .statusCode
    ).toBe(409);

    const id = view.id as number;
    expect((await leader.post(`/api/summaries/${id}/approve`, { version: view.version })).statusCode).toBe(409);
    expect((await editor.post(`/api/summaries/${id}/submit`, { version: view.version })).statusCode).toBe(200);
    view = (await leader.get(path)).json();
    expect(view).toMatchObject({ status: 'pending', frozen: true });
    for (const client of [officer, reviewer, editor])
      expect((await client.post(`/api/summaries/${id}/approve`, { version: view.version })).statusCode).toBe(403);
    expect((await leader.post(`/api/summaries/${id}/return`, { version: view.version, comment: ' ' })).statusCode).toBe(
      400
    );
    expect(
      (await leader.post(`/api/summaries/${id}/return`, { version: view.version, comment: '请补充存在问题' }))
        .statusCode
    ).toBe(200);
    view = (await editor.get(path)).json();
    expect(view).toMatchObject({ status: 'returned', returnComment: '请补充存在问题', frozen: false });
    const resaved = await editor.put('/api/summaries', {
      year: 2025,
      half: 1,
      version: view.version,
      paragraphs: [{ series: 'town', text: `${edited}存在问题：部分单位报送不均衡。` }],
    });
    expect(resaved.statusCode, resaved.body).toBe(200);
    expect((await editor.post(`/api/summaries/${id}/submit`, { version: resaved.json().version })).statusCode).toBe(
      200
    );
    view = (await leader.get(path)).json();
    expect((await leader.post(`/api/summaries/${id}/approve`, { version: view.version })).statusCode).toBe(200);
    const approved = (await editor.get(path)).json();
    expect(approved).toMatchObject({ status: 'approved', frozen: true });
    expect(approved.history.map((e: { action: string }) => e.action)).toEqual([
      'save',
      'submit',
      'return',
      'save',
      'resubmit',
      'approve',
    ]);

    // A deduction recorded after approval changes the live records, not the approved summary.
    const units = (await editor.get('/api/units')).json() as { id: number; name: string }[];
    const recorded = await editor.post('/api/penalties', {
      unitId: units.find((u) => u.name === '沙湾镇')!.id,
      reason: 'criticism',
      date: '2025-05-10',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const after = (await editor.get(path)).json();
    const shawan = (view: { figures: { units: { unit: string; points: number }[] } }) =>
      view.figures.units.find((u) => u.unit === '沙湾镇')!.points;
    expect(shawan(after)).toBe(shawan(approved));
    expect(
      (await editor.put('/api/summaries', { year: 2025, half: 1, version: after.version, paragraphs: [] })).statusCode
    ).toBe(409);

    const docx = bytesOf(await leader.get('/api/summaries/document?year=2025&half=1&format=docx'));
    const xml = await zipPart(docx, 'word/document.xml');
    expect(xml).toContain('存在问题：部分单位报送不均衡。');
    expect(xml).toContain('番禺区2025年上半年政务信息工作小结');
    expect((await officer.get('/api/summaries/document?year=2025&half=1&format=docx')).statusCode).toBe(403);

    const audit = await verifyAudit(t.store.db);
    expect(audit.ok).toBe(true);
  });
});

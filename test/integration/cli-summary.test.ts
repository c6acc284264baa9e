import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openZipEntry, readZipDirectory, type ZipEntry } from '../../src/files/zip-archive.js';
import { actingUser } from '../../src/services/acting-user.js';
import { openStore } from '../../src/services/open-store.js';
import { approveSummary } from '../../src/services/summaries/approve-summary.js';
import { saveSummary } from '../../src/services/summaries/save-summary.js';
import { submitSummary } from '../../src/services/summaries/submit-summary.js';
import { buildUser } from '../factories/user.factory.js';
import { govinfo } from '../helpers/cli.js';
import { createTestDatabase, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

async function documentXml(file: string): Promise<string> {
  const data = fs.readFileSync(file);
  const entry = (readZipDirectory(data, 1000) as ZipEntry[]).find((e) => e.name === 'word/document.xml')!;
  const chunks: Buffer[] = [];
  for await (const chunk of openZipEntry(data, entry)!) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe.skipIf(!isDialectAvailable)('govinfo summary', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const filled = await govinfo(database.location, 'demo', '--year', '2024');
    expect(filled.status, filled.stderr).toBe(0);
  });
  afterAll(async () => database?.drop());

  it('writes the half-year summary as .docx and the annual one as .xlsx, with the figures of `scores --json`', async () => {
    const docx = path.join(database.dir, '小结.docx');
    const half = await govinfo(database.location, 'summary', '--year', '2024', '--half', '1', '--out', docx);
    expect(half.status, half.stderr).toBe(0);
    expect(half.stdout).toContain('已生成《番禺区2024年上半年政务信息工作小结》');
    const xml = await documentXml(docx);
    expect(xml).toContain('番禺区2024年上半年政务信息工作小结');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('去年同期');

    const xlsx = path.join(database.dir, '总结.xlsx');
    expect((await govinfo(database.location, 'summary', '--year', '2024', '--out', xlsx)).status).toBe(0);
    const scores = JSON.parse((await govinfo(database.location, 'scores', '--year', '2024', '--json')).stdout) as {
      units: { unit: string; series: string; annual: { points: number } }[];
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('工作部门序列B类')!;
    const byUnit = new Map<string, unknown>();
    sheet.eachRow((row, index) => {
      if (index > 1) byUnit.set(String(row.getCell(2).value), row.getCell(7).value);
    });
    const deptB = scores.units.filter((u) => u.series === 'dept_b');
    expect(byUnit.size).toBe(deptB.length);
    for (const unit of deptB) expect(byUnit.get(unit.unit)).toBe(unit.annual.points);
    expect(workbook.getWorksheet('通报表扬')).toBeDefined();
  });

  it('refuses a bad extension, a bad --half and --as-approved before anything is approved, in Chinese', async () => {
    const bad = await govinfo(
      database.location,
      'summary',
      '--year',
      '2024',
      '--out',
      path.join(database.dir, 'x.doc')
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--out 的文件类型“.doc”不支持，应为 .docx、.xlsx 或 .pdf');
    const half = await govinfo(database.location, 'summary', '--year', '2024', '--half', '2', '--out', 'x.docx');
    expect(half.status).toBe(1);
    expect(half.stderr).toContain('--half 的值“2”无效');
    const unapproved = await govinfo(
      database.location,
      'summary',
      '--year',
      '2024',
      '--as-approved',
      '--out',
      path.join(database.dir, 'a.docx')
    );
    expect(unapproved.status).toBe(1);
    expect(unapproved.stderr).toContain('2024年年度总结尚未审批通过');
  });

  it('says what to install when LibreOffice is missing', async () => {
    const saved = process.env.GOVINFO_SOFFICE;
    process.env.GOVINFO_SOFFICE = path.join(database.dir, 'no-soffice');
    try {
      const result = await govinfo(
        database.location,
        'summary',
        '--year',
        '2024',
        '--out',
        path.join(database.dir, 'x.pdf')
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('本机未安装 LibreOffice');
    } finally {
      if (saved === undefined) delete process.env.GOVINFO_SOFFICE;
      else process.env.GOVINFO_SOFFICE = saved;
    }
  });

  it('--as-approved writes the approved summary as approved, whatever was recorded since', async () => {
    const store = await openStore(database.location);
    try {
      const now = new Date('2025-01-10T02:00:00Z');
      const editor = actingUser(
        { ...(await buildUser(store.db, 'editor')), role: 'editor', unit_id: null, display_name: '编辑' },
        '127.0.0.1'
      );
      const leader = actingUser(
        { ...(await buildUser(store.db, 'office_leader')), role: 'office_leader', unit_id: null, display_name: '领导' },
        '127.0.0.1'
      );
      const { id, version } = await saveSummary(
        store.db,
        editor,
        { year: 2024, half: null, paragraphs: [{ series: 'town', text: '审批通过的镇街分析。' }] },
        now
      );
      await submitSummary(store.db, editor, id, version, now);
      await approveSummary(store.db, leader, id, version + 1, now);
    } finally {
      await store.close();
    }
    const approved = path.join(database.dir, 'approved.docx');
    const result = await govinfo(database.location, 'summary', '--year', '2024', '--as-approved', '--out', approved);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('（审批通过的版本）');
    const xml = await documentXml(approved);
    expect(xml).toContain('审批通过的镇街分析。');
    expect(xml).toContain('2025年1月10日');

    // `bulletin`'s flag for the frozen version means the same here.
    const published = path.join(database.dir, 'published.docx');
    const alias = await govinfo(database.location, 'summary', '--year', '2024', '--as-published', '--out', published);
    expect(alias.status, alias.stderr).toBe(0);
    expect(await documentXml(published)).toContain('审批通过的镇街分析。');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isZipRefusal, openZipEntry, readZipDirectory } from '../../src/files/zip-archive.js';
import { insertContact } from '../../src/db/repositories/registry.repository.js';
import { listUnits } from '../../src/db/repositories/unit.repository.js';
import { openStore } from '../../src/services/open-store.js';
import { approveResults } from '../../src/services/results/approve-results.js';
import { prepareResults } from '../../src/services/results/prepare-results.js';
import { buildUser } from '../factories/user.factory.js';
import { govinfo, writeJsonl } from '../helpers/cli.js';
import { createTestDatabase, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

const LEDGER = [
  { type: 'item', id: 'I-1', unit: '沙湾镇', title: '沙湾镇推进古镇保护（政务信息）', submitted: '2011-01-05' },
  { type: 'adoption', id: 'A-1', item: 'I-1', outlet: 'report', kind: 'research', date: '2011-01-07' },
  { type: 'upward', id: 'U-1', item: 'I-1', level: 'city', date: '2011-03-01' },
  { type: 'item', id: 'I-2', unit: '石基镇', title: '石基镇开展安全生产检查（政务信息）', submitted: '2011-02-01' },
  { type: 'adoption', id: 'A-2', item: 'I-2', outlet: 'report', kind: 'research', date: '2011-02-03' },
  { type: 'adoption', id: 'A-3', item: 'I-2', outlet: 'portal', date: '2011-02-04' },
  { type: 'instruction', id: 'N-2', item: 'I-2', level: 'district', date: '2011-02-10' },
  { type: 'item', id: 'I-3', unit: '区发改局', title: '区发改局推进重点项目（政务信息）', submitted: '2011-04-01' },
  { type: 'adoption', id: 'A-4', item: 'I-3', outlet: 'dynamic', date: '2011-04-03' },
  { type: 'penalty', id: 'P-1', unit: '区气象局', reason: 'criticism', date: '2011-05-20' },
  { type: 'item', id: 'I-5', unit: '区妇联', title: '区妇联开展维权宣传（政务信息）', submitted: '2011-05-01' },
  { type: 'adoption', id: 'A-5', item: 'I-5', outlet: 'report', kind: 'research', date: '2011-05-03' },
];

interface UnitScore {
  unit: string;
  series: string;
  quarters: { quarter: number; points: number; target: number | null; met: boolean | null }[];
  annual: { target: number };
}

const SERIES_SHEETS: Record<string, string> = {
  town: '镇(街)序列',
  dept_a: '工作部门序列A类',
  dept_b: '工作部门序列B类',
  direct: '直报点序列',
};

describe.skipIf(!isDialectAvailable)('govinfo bulletin through the real command line', () => {
  let database: TestDatabase;
  let dir: string;
  const run = (...args: string[]) => govinfo(database.location, ...args);

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-bulletin-'));
    const imported = await run('import', writeJsonl(dir, 'ledger.jsonl', LEDGER));
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    // The registry (信息员登记备案) of 区气象局, as the registry page records it.
    const store = await openStore(database.location);
    try {
      const meteo = (await listUnits(store.db)).find((u) => u.name === '区气象局')!.id;
      for (const [duty, name] of [
        ['leader', '王分管'],
        ['officer', '李信息'],
      ])
        await insertContact(store.db, {
          unit_id: meteo,
          duty,
          name,
          post: '科员',
          office_phone: null,
          mobile: null,
          email: null,
          ref: null,
          staffing: 'civil_servant',
          notice_date: null,
          started_on: '2010-05-01',
          ended_on: null,
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        });
    } finally {
      await store.close();
    }
  }, 60_000);
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  });

  it('writes the .xlsx with the figures of scores --year Y --quarter Q --json', async () => {
    for (const quarter of [2, 4]) {
      const out = path.join(dir, `q${quarter}.xlsx`);
      const result = await run('bulletin', '--year', '2011', '--quarter', String(quarter), '--out', out);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const scores = JSON.parse(
        (await run('scores', '--year', '2011', '--quarter', String(quarter), '--json')).stdout
      ) as { units: UnitScore[] };
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(Object.values(SERIES_SHEETS));
      for (const sheet of workbook.worksheets) {
        const headers = (sheet.getRow(1).values as unknown[]).slice(1);
        for (const header of ['单位', '本季度得分', '季度指标', '是否达标', '排名', '全年累计得分', '年度指标'])
          expect(headers).toContain(header);
      }
      for (const unit of scores.units) {
        const sheet = workbook.getWorksheet(SERIES_SHEETS[unit.series])!;
        const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
        const cell = (row: ExcelJS.Row, header: string) => row.getCell(headers.indexOf(header) + 1).value;
        let found: ExcelJS.Row | undefined;
        sheet.eachRow((row, n) => {
          if (n > 1 && row.getCell(1).value === unit.unit) found = row;
        });
        const q = unit.quarters[quarter - 1];
        const peers = scores.units.filter((u) => u.series === unit.series);
        expect(cell(found!, '本季度得分')).toBe(q.points);
        expect(cell(found!, '季度指标')).toBe(q.target);
        expect(cell(found!, '是否达标')).toBe(q.met === null ? null : q.met ? '达标' : '未达标');
        expect(cell(found!, '排名')).toBe(peers.filter((p) => p.quarters[quarter - 1].points > q.points).length + 1);
        expect(cell(found!, '全年累计得分')).toBe(
          unit.quarters.slice(0, quarter).reduce((sum, x) => sum + x.points, 0)
        );
        expect(cell(found!, '年度指标')).toBe(unit.annual.target);
      }
    }
  }, 120_000);

  it('writes the .docx with the streak list naming the unit’s leader and officer', async () => {
    const out = path.join(dir, 'q4.docx');
    const result = await run('bulletin', '--year', '2011', '--quarter', '4', '--out', out);
    expect(result.status).toBe(0);
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(result.stdout).toContain('2011 年第 4 季度工作通讯');
    const entries = readZipDirectory(bytes, 1000);
    if (isZipRefusal(entries)) throw new Error(entries.problem);
    const chunks: Buffer[] = [];
    for await (const chunk of openZipEntry(
      bytes,
      entries.find((e) => e.name === 'word/document.xml')!
    )!)
      chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/<[^>]+>/g, '');
    expect(text).toContain('连续4个考核季度未完成任务的单位');
    expect(text).toMatch(/区气象局4王分管李信息通报批评，建议更换信息员/);
  }, 60_000);

  it('refuses other extensions and an unpublished quarter with --as-published, in Chinese', async () => {
    const wrong = await run('bulletin', '--year', '2011', '--quarter', '1', '--out', path.join(dir, 'x.txt'));
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('扩展名“.txt”不受支持');
    const unpublished = await run(
      'bulletin',
      '--year',
      '2011',
      '--quarter',
      '1',
      '--as-published',
      '--out',
      path.join(dir, 'x.docx')
    );
    expect(unpublished.status).not.toBe(0);
    expect(unpublished.stderr).toContain('尚未发布');
    expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);
  }, 60_000);

  it('says what to install when LibreOffice is missing', async () => {
    const previous = process.env.GOVINFO_SOFFICE;
    process.env.GOVINFO_SOFFICE = path.join(dir, 'no-soffice');
    try {
      const result = await run('bulletin', '--year', '2011', '--quarter', '1', '--out', path.join(dir, 'x.pdf'));
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('LibreOffice');
    } finally {
      if (previous === undefined) delete process.env.GOVINFO_SOFFICE;
      else process.env.GOVINFO_SOFFICE = previous;
    }
  }, 60_000);

  it('writes the published original with --as-published, unchanged by a later correction', async () => {
    const store = await openStore(database.location);
    try {
      const acting = async (role: 'editor' | 'office_leader') => {
        const account = await buildUser(store.db, role);
        return { id: account.id, username: account.username, ip: '127.0.0.1', role, unitId: null, displayName: role };
      };
      const now = new Date('2012-01-10T02:00:00Z');
      const { id } = await prepareResults(store.db, await acting('editor'), 2011, 1, now);
      await approveResults(store.db, await acting('office_leader'), id, 1, now);
    } finally {
      await store.close();
    }
    // A correction after publication: a new adoption for 沙湾镇 in the first quarter.
    const correction = await run(
      'import',
      writeJsonl(dir, 'correction.jsonl', [
        { type: 'adoption', id: 'A-9', item: 'I-1', outlet: 'portal', date: '2011-01-20' },
      ])
    );
    expect(correction.status).toBe(0);
    const shawan = async (file: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.getWorksheet('镇(街)序列')!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
      let points: unknown;
      sheet.eachRow((row, n) => {
        if (n > 1 && row.getCell(1).value === '沙湾镇') points = row.getCell(headers.indexOf('本季度得分') + 1).value;
      });
      return points;
    };
    const published = path.join(dir, 'published.xlsx');
    const current = path.join(dir, 'current.xlsx');
    const args = ['bulletin', '--year', '2011', '--quarter', '1'];
    expect((await run(...args, '--as-published', '--out', published)).status).toBe(0);
    expect((await run(...args, '--out', current)).status).toBe(0);
    expect(await shawan(published)).toBe(16);
    expect(await shawan(current)).toBe(18);
  }, 120_000);
});

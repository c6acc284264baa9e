/**
 * 导出Excel of every table, on the demo year: each workbook is read back with ExcelJS and held to
 * its list route's JSON — the same headers as the page, the same filters, the same figures as
 * numbers, a unit officer's file only his unit's rows, and the list's roles.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUnits } from '../../src/db/repositories/unit.repository.js';
import { generateDemoLedger } from '../../src/services/generate-demo.js';
import { importLedger } from '../../src/services/import-ledger.js';
import { MEDIA_TYPES } from '../../src/shared/api/documents.js';
import type { ItemListResponse } from '../../src/shared/api/items.js';
import type { Explanation, ScoresDocument } from '../../src/shared/api/scores.js';
import type { Registry } from '../../src/shared/api/registry.js';
import type { Penalties, Solicitations } from '../../src/shared/api/solicitations.js';
import { signInNewUser, type ApiClient, type TestApp, createTestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

const YEAR = 2025;
const HOME = '沙湾镇';
const OTHER = '石基镇';

type Cell = ExcelJS.CellValue;

interface Sheet {
  name: string;
  headers: string[];
  rows: Cell[][];
  types: ExcelJS.ValueType[][];
}

interface Download {
  status: number;
  contentType: string | undefined;
  disposition: string | undefined;
  description: string;
  sheets: Sheet[];
}

/** A workbook answer read back as its sheets' headers, values and cell types. */
async function download(client: ApiClient, url: string): Promise<Download> {
  const response = await client.get(url);
  const result: Download = {
    status: response.statusCode,
    contentType: response.headers['content-type'] as string | undefined,
    disposition: response.headers['content-disposition'] as string | undefined,
    description: '',
    sheets: [],
  };
  if (response.statusCode !== 200) return result;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  result.description = workbook.description ?? '';
  workbook.eachSheet((worksheet) => {
    const sheet: Sheet = { name: worksheet.name, headers: [], rows: [], types: [] };
    worksheet.eachRow((row, number) => {
      const count = worksheet.columnCount;
      const cells = Array.from({ length: count }, (_, i) => row.getCell(i + 1));
      if (number === 1) sheet.headers = cells.map((c) => String(c.value));
      else {
        sheet.rows.push(cells.map((c) => c.value));
        sheet.types.push(cells.map((c) => c.type));
      }
    });
    result.sheets.push(sheet);
  });
  return result;
}

const column = (sheet: Sheet, header: string) => {
  const index = sheet.headers.indexOf(header);
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  return { values: sheet.rows.map((r) => r[index]), types: sheet.types.map((t) => t[index]) };
};

/** Every page of an item list, as the page would walk them. */
async function allItems(client: ApiClient, filter: string) {
  const rows: ItemListResponse['items'] = [];
  for (let page = 1; ; page++) {
    const body = (await client.get(`/api/items?${filter}&pageSize=100&page=${page}`)).json<ItemListResponse>();
    rows.push(...body.items);
    if (rows.length >= body.total || body.items.length === 0) return rows;
  }
}

describe.skipIf(!isDialectAvailable)('导出Excel of every table', () => {
  let t: TestApp;
  let editor: ApiClient;
  let leader: ApiClient;
  let officer: ApiClient;
  let otherOfficer: ApiClient;
  let auditor: ApiClient;
  let sysAdmin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    const units = await listUnits(t.store.db);
    const records = generateDemoLedger({
      year: YEAR,
      seed: 2010,
      units: units.map((u) => ({ name: u.name, series: u.series_code })),
    });
    const outcome = await importLedger(
      t.store.db,
      records.map((fields, i) => ({ fields, file: 'demo', line: i + 1 }))
    );
    expect(outcome.ok).toBe(true);
    editor = await signInNewUser(t, 'editor');
    leader = await signInNewUser(t, 'office_leader');
    officer = await signInNewUser(t, 'officer', HOME);
    otherOfficer = await signInNewUser(t, 'officer', OTHER);
    auditor = await signInNewUser(t, 'audit_admin');
    sysAdmin = await signInNewUser(t, 'sys_admin');
    // The demo has no registry or trainings: one contact in each of two units, one session with both.
    const unitId = (name: string) => units.find((u) => u.name === name)!.id;
    for (const name of [HOME, OTHER]) {
      const contact = await editor.post(`/api/units/${unitId(name)}/contacts`, {
        duty: 'officer',
        name: `${name}信息员`,
        post: '科员',
        officePhone: '020-84800000',
        staffing: 'civil_servant',
        startedOn: '2026-01-05',
      });
      expect(contact.statusCode).toBe(201);
    }
    const training = await editor.post('/api/trainings', {
      date: '2026-02-10',
      title: '政务信息写作培训',
      organizer: '区政府办公室',
      attendees: [
        { unitId: unitId(HOME), name: `${HOME}信息员` },
        { unitId: unitId(OTHER), name: `${OTHER}信息员` },
      ],
    });
    expect(training.statusCode).toBe(201);
  }, 120_000);
  afterAll(async () => t?.cleanup());

  it('the inbox: all matching rows of a status filter, not one page, headers as on screen, points as numbers', async () => {
    const first = (await editor.get('/api/items?pageSize=1')).json<ItemListResponse>().items[0];
    const filter = `status=${first.status}&from=${YEAR}-04-01&to=${YEAR}-09-30`;
    const listed = await allItems(editor, filter);
    expect(listed.length).toBeGreaterThan(100);

    const file = await download(editor, `/api/items/export?${filter}&page=2&pageSize=5`);
    expect(file.status).toBe(200);
    expect(file.contentType).toBe(MEDIA_TYPES.xlsx);
    expect(decodeURIComponent(file.disposition!)).toMatch(/filename\*=UTF-8''收件箱_\d{4}-\d\d-\d\d\.xlsx$/);
    expect(file.description).toContain(`状态=${first.statusName}`);
    expect(file.description).toContain(`共 ${listed.length} 条`);
    const [sheet] = file.sheets;
    expect(sheet.headers).toEqual([
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
    expect(sheet.rows).toHaveLength(listed.length);
    expect(new Set(column(sheet, '状态').values)).toEqual(new Set([first.statusName]));
    const dates = column(sheet, '报送日期').values as string[];
    expect(dates.every((d) => d >= `${YEAR}-04-01` && d <= `${YEAR}-09-30`)).toBe(true);
    const points = column(sheet, '得分');
    expect(points.types.every((type) => type === ExcelJS.ValueType.Number)).toBe(true);
    // Row by row the list's figures, in the list's order.
    expect(column(sheet, '编号').values).toEqual(listed.map((item) => item.ref));
    expect(points.values).toEqual(listed.map((item) => item.points));
    expect(column(sheet, '报送单位').values).toEqual(listed.map((item) => item.unit.name));
  });

  it("a unit officer's items: only his unit's, as his list shows them", async () => {
    const listed = await allItems(officer, `from=${YEAR}-01-01`);
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed.map((item) => item.unit.name))).toEqual(new Set([HOME]));
    const file = await download(officer, `/api/items/export?from=${YEAR}-01-01`);
    expect(file.status).toBe(200);
    const [sheet] = file.sheets;
    expect(sheet.name).toBe('本单位稿件');
    expect(sheet.headers).toEqual(['编号', '标题', '状态', '内容类别', '日期', '公开属性', '重大敏感', '得分']);
    expect(column(sheet, '编号').values).toEqual(listed.map((item) => item.ref));
    expect(column(sheet, '得分').values).toEqual(listed.map((item) => item.points));
  });

  it('scores: one sheet per series, ranked, the figures of GET /api/scores as numbers; a unit sees its own row', async () => {
    const document = (await editor.get(`/api/scores?year=${YEAR}&quarter=2`)).json<ScoresDocument>();
    const series = (await editor.get('/api/series')).json<{ code: string; name: string }[]>();
    const file = await download(editor, `/api/scores/export?year=${YEAR}&quarter=2`);
    expect(file.status).toBe(200);
    const withUnits = series.filter((s) => document.units.some((u) => u.series === s.code));
    expect(file.sheets.map((s) => s.name)).toEqual(withUnits.map((s) => s.name));
    for (const sheet of file.sheets) {
      expect(sheet.headers.slice(0, 6)).toEqual([
        '季度排名',
        '单位',
        '第二季度得分',
        '季度指标',
        '是否达标',
        '与指标差距',
      ]);
      const code = withUnits.find((s) => s.name === sheet.name)!.code;
      const units = document.units.filter((u) => u.series === code);
      expect(sheet.rows).toHaveLength(units.length);
      const points = column(sheet, '第二季度得分');
      expect(points.types.every((type) => type === ExcelJS.ValueType.Number)).toBe(true);
      const names = column(sheet, '单位').values as string[];
      names.forEach((name, i) => expect(points.values[i]).toBe(units.find((u) => u.unit === name)!.quarters[1].points));
      // Ranked by the quarter's points, highest first.
      const figures = points.values as number[];
      expect([...figures].sort((a, b) => b - a)).toEqual(figures);
      expect(column(sheet, '季度排名').types.every((type) => type === ExcelJS.ValueType.Number)).toBe(true);
    }

    const own = await download(officer, `/api/scores/export?year=${YEAR}`);
    expect(own.status).toBe(200);
    expect(own.sheets).toHaveLength(1);
    expect(own.sheets[0].rows).toHaveLength(1);
    expect(column(own.sheets[0], '单位').values).toEqual([HOME]);
    expect(own.sheets[0].headers).toContain('第一季度');
  });

  it("a unit's bookings: every booking of the explanation, summing to its points; another unit's are not found", async () => {
    const url = `year=${YEAR}&unit=${encodeURIComponent(HOME)}`;
    const explanation = (await leader.get(`/api/scores/explain?${url}`)).json<Explanation>();
    const file = await download(leader, `/api/scores/explain/export?${url}`);
    expect(file.status).toBe(200);
    const [sheet] = file.sheets;
    expect(sheet.headers).toEqual(['日期', '记分规则', '分值', '稿件', '依据记录']);
    expect(sheet.rows).toHaveLength(explanation.bookings.length);
    const points = column(sheet, '分值');
    expect(points.types.every((type) => type === ExcelJS.ValueType.Number)).toBe(true);
    expect(points.values).toEqual(explanation.bookings.map((b) => b.points));
    expect((points.values as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(explanation.points);

    expect((await download(officer, `/api/scores/explain/export?${url}`)).status).toBe(200);
    expect((await otherOfficer.get(`/api/scores/explain?${url}`)).statusCode).toBe(404);
    expect((await download(otherOfficer, `/api/scores/explain/export?${url}`)).status).toBe(404);
  });

  it('solicitations with who answered; a unit officer sees only those sent to his unit and his own answer', async () => {
    const listed = (await editor.get('/api/solicitations')).json<Solicitations>();
    expect(listed.length).toBeGreaterThan(0);
    const file = await download(editor, '/api/solicitations/export');
    expect(file.status).toBe(200);
    const [summary, answers] = file.sheets;
    expect(summary.headers).toEqual([
      '编号',
      '约稿标题',
      '约稿方',
      '截止日期',
      '约稿对象',
      '按时报送',
      '逾期报送',
      '未报送',
      '待报送',
    ]);
    expect(column(summary, '编号').values).toEqual(listed.map((s) => s.ref));
    const onTime = column(summary, '按时报送');
    expect(onTime.types.every((type) => type === ExcelJS.ValueType.Number)).toBe(true);
    expect(onTime.values).toEqual(listed.map((s) => ('counts' in s ? s.counts.on_time : -1)));
    expect(answers.headers).toEqual(['约稿编号', '约稿标题', '单位', '报送情况']);
    expect(answers.rows).toHaveLength(listed.reduce((n, s) => n + ('units' in s ? s.units.length : 0), 0));

    const own = (await officer.get('/api/solicitations')).json<Solicitations>();
    const ownFile = await download(officer, '/api/solicitations/export');
    expect(column(ownFile.sheets[0], '编号').values).toEqual(own.map((s) => s.ref));
    expect(new Set(column(ownFile.sheets[1], '单位').values)).toEqual(new Set(own.length > 0 ? [HOME] : []));
  });

  it("deductions: the policy's points as numbers; a unit officer's file holds only his unit's", async () => {
    const listed = (await editor.get('/api/penalties')).json<Penalties>();
    expect(listed.length).toBeGreaterThan(0);
    const file = await download(editor, '/api/penalties/export');
    const [sheet] = file.sheets;
    expect(sheet.headers).toEqual(['日期', '单位', '扣分原因', '分值', '备注', '编号']);
    expect(column(sheet, '编号').values).toEqual(listed.map((p) => p.ref));
    const points = column(sheet, '分值');
    expect(points.types.every((type) => type === ExcelJS.ValueType.Number)).toBe(true);
    expect((points.values as number[]).every((p) => p < 0)).toBe(true);

    // The page's unit filter goes along.
    const one = listed[0];
    const filtered = await download(editor, `/api/penalties/export?unitId=${one.unit_id}`);
    expect(column(filtered.sheets[0], '编号').values).toEqual(
      listed.filter((p) => p.unit_id === one.unit_id).map((p) => p.ref)
    );

    const own = (await officer.get('/api/penalties')).json<Penalties>();
    const ownFile = await download(officer, '/api/penalties/export');
    expect(column(ownFile.sheets[0], '编号').values).toEqual(own.map((p) => p.ref));
    expect((column(ownFile.sheets[0], '单位').values as string[]).every((unit) => unit === HOME)).toBe(true);
  });

  it('the registry and trainings: every unit for the office, only his own unit for an officer', async () => {
    const registry = await download(editor, '/api/registry/export');
    const [contacts] = registry.sheets;
    expect(contacts.headers).toEqual([
      '单位',
      '职责',
      '姓名',
      '职务',
      '电话',
      '电子邮箱',
      '编制',
      '任职日期',
      '书面告知',
    ]);
    expect(column(contacts, '姓名').values).toEqual(expect.arrayContaining([`${HOME}信息员`, `${OTHER}信息员`]));
    const ownRegistry = await download(officer, '/api/registry/export');
    expect(new Set(column(ownRegistry.sheets[0], '单位').values)).toEqual(new Set([HOME]));

    // The page's search and 只看需处理 filter the file as they filter the page.
    const units = (file: Download) => new Set(column(file.sheets[0], '单位').values);
    expect(units(await download(editor, `/api/registry/export?q=${encodeURIComponent('石基')}`))).toEqual(
      new Set([OTHER])
    );
    expect(units(await download(editor, '/api/registry/export?q=SWZ'))).toEqual(new Set([HOME]));
    // With its 分管领导 and 直接责任人 registered too, 沙湾镇 needs nothing and leaves the 只看需处理 file.
    const homeId = (await editor.get('/api/registry')).json<Registry>().find((r) => r.unit.name === HOME)!.unit.id;
    for (const duty of ['leader', 'director'])
      expect(
        (
          await editor.post(`/api/units/${homeId}/contacts`, {
            duty,
            name: `${HOME}${duty}`,
            post: '副镇长',
            officePhone: '020-84800001',
            staffing: 'civil_servant',
            startedOn: '2026-01-05',
          })
        ).statusCode
      ).toBe(201);
    const page = (await editor.get('/api/registry')).json<Registry>();
    expect(page.find((r) => r.unit.name === HOME)).toMatchObject({ warnings: [], followUps: [] });
    const flagged = page.filter((r) => r.warnings.length > 0 || r.followUps.length > 0).map((r) => r.unit.name);
    expect(units(await download(editor, '/api/registry/export?attention=true'))).toEqual(new Set([OTHER]));
    expect(flagged).toContain(OTHER);
    expect(units(await download(editor, '/api/registry/export'))).toEqual(new Set([HOME, OTHER]));
    expect((await editor.get('/api/registry/export?attention=maybe')).statusCode).toBe(400);

    const trainings = await download(editor, '/api/trainings/export');
    const [sessions, people] = trainings.sheets;
    expect(sessions.headers).toEqual(['日期', '培训主题', '主办', '参训人数']);
    expect(column(sessions, '参训人数')).toEqual({ values: [2], types: [ExcelJS.ValueType.Number] });
    expect(column(people, '单位').values).toEqual([HOME, OTHER]);
    const ownTrainings = await download(officer, '/api/trainings/export');
    expect(column(ownTrainings.sheets[0], '参训人数').values).toEqual([1]);
    expect(column(ownTrainings.sheets[1], '姓名').values).toEqual([`${HOME}信息员`]);
  });

  it('the audit log: filtered like the page, the export itself audited; nobody else may take it', async () => {
    const file = await download(auditor, '/api/audit/export.xlsx?outcome=ok&pageSize=1');
    expect(file.status).toBe(200);
    const [sheet] = file.sheets;
    expect(sheet.headers.slice(0, 3)).toEqual(['编号', '时间（北京时间）', '操作人']);
    expect(sheet.rows.length).toBeGreaterThan(1);
    expect(new Set(column(sheet, '结果').values)).toEqual(new Set(['成功']));
    expect(column(sheet, '编号').types.every((type) => type === ExcelJS.ValueType.Number)).toBe(true);
    const audited = (await auditor.get('/api/audit?action=export_audit')).json<{
      entries: { after: string }[];
    }>();
    expect(JSON.parse(audited.entries[0].after)).toMatchObject({ format: 'xlsx', filter: { outcome: 'ok' } });
    expect((await editor.get('/api/audit/export.xlsx')).statusCode).toBe(403);
  });

  it('refuses the roles the list refuses, and invalid filters as the list does', async () => {
    for (const url of ['/api/items/export', `/api/scores/export?year=${YEAR}`, '/api/penalties/export']) {
      expect((await sysAdmin.get(url)).statusCode, url).toBe(403);
      expect((await auditor.get(url)).statusCode, url).toBe(403);
      expect((await t.app.inject(url)).statusCode, url).toBe(401);
    }
    expect((await editor.get('/api/items/export?status=nonsense')).statusCode).toBe(400);
    expect((await editor.get('/api/items?status=nonsense')).statusCode).toBe(400);
  });
});

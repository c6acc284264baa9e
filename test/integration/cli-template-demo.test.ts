import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { govinfo, writeJsonl } from '../helpers/cli.js';
import { snapshot } from '../helpers/snapshot.js';
import { createTestDatabase, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

describe.skipIf(!isDialectAvailable)('template and demo commands', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => database?.drop());

  it('writes an .xlsx template with Chinese headers and one example row per sheet, which imports cleanly', async () => {
    const file = path.join(database.dir, '台账模板.xlsx');
    const result = await govinfo(database.location, 'template', '--out', file);
    expect(result.status).toBe(0);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '说明',
      '信息稿件',
      '采用',
      '批示',
      '上级采用',
      '约稿',
      '约稿回复',
      '扣分',
      '信息员名册',
    ]);
    const adoptions = workbook.getWorksheet('采用')!;
    expect(adoptions.getRow(1).values).toEqual([undefined, '编号', '稿件编号', '采用载体', '信息类型', '日期', '期号']);
    for (const sheet of workbook.worksheets.slice(1)) expect(sheet.actualRowCount, sheet.name).toBe(2);

    const imported = await govinfo(database.location, 'import', file);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('新增 8 条');
    const explained = JSON.parse(
      (await govinfo(database.location, 'explain', '--unit', '沙湾镇', '--year', '2011', '--json')).stdout
    );
    expect(explained.points).toBe(8 + 2 + 5 + 8);
  });

  it('writes a .csv template that imports the same records', async () => {
    const file = path.join(database.dir, 'template.csv');
    expect((await govinfo(database.location, 'template', '--out', file)).status).toBe(0);
    expect(fs.readFileSync(file, 'utf8').split('\n')[0]).toMatch(/^\uFEFF类型,编号,单位,标题,报送日期/);
    const imported = await govinfo(database.location, 'import', file);
    expect(imported.stdout).toContain('新增 8 条');
  });

  it('refuses an unknown template type', async () => {
    const result = await govinfo(database.location, 'template', '--out', path.join(database.dir, 'x.pdf'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--out 的文件类型“.pdf”不支持');
  });

  it('fills an empty database with a realistic year, and refuses one that holds records', async () => {
    const filled = await govinfo(database.location, 'demo', '--year', '2024');
    expect(filled.status, filled.stderr).toBe(0);
    expect(filled.stdout).toMatch(/生成 2024 年度演示台账：80 个单位，\d+ 条记录/);

    const document = JSON.parse((await govinfo(database.location, 'scores', '--year', '2024', '--json')).stdout);
    const towns = document.units.filter((u: { series: string }) => u.series === 'town');
    // A realistic year: some units meet every quarter, some miss.
    expect(towns.some((u: { all_quarters_met: boolean }) => u.all_quarters_met)).toBe(true);
    expect(towns.some((u: { annual: { met: boolean } }) => !u.annual.met)).toBe(true);

    const before = await snapshot(database.location);
    const again = await govinfo(database.location, 'demo', '--year', '2024');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已有台账记录，演示数据只能填入空数据库');
    expect(await snapshot(database.location)).toEqual(before);
  });

  it('adds a later policy version as data and rescores bookings from its date', async () => {
    await govinfo(
      database.location,
      'import',
      writeJsonl(database.dir, 'l.jsonl', [
        { type: 'item', id: 'I-1', unit: '沙湾镇', title: 't', submitted: '2015-01-05' },
        { type: 'adoption', id: 'A-1', item: 'I-1', outlet: 'portal', date: '2015-01-06' },
      ])
    );
    const seed = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds/panyu-2010.policy.json'), 'utf8')
    );
    const later = {
      ...seed,
      name: 'panyu-2015',
      effectiveFrom: '2015-01-01',
      outlets: { ...seed.outlets, portal: { ...seed.outlets.portal, points: 4 } },
    };
    const policyFile = path.join(database.dir, 'later.json');
    fs.writeFileSync(policyFile, JSON.stringify(later));
    const added = await govinfo(database.location, 'policy', 'add', policyFile);
    expect(added.status, added.stderr).toBe(0);
    const document = JSON.parse((await govinfo(database.location, 'scores', '--year', '2015', '--json')).stdout);
    expect(document.policy).toBe('panyu-2015');
    expect(document.units.find((u: { unit: string }) => u.unit === '沙湾镇').annual.points).toBe(4);

    fs.writeFileSync(
      policyFile,
      JSON.stringify({ ...later, name: 'panyu-2016', effectiveFrom: '2016-13-01', districtInstruction: 'five' })
    );
    const refused = await govinfo(database.location, 'policy', 'add', policyFile);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('effectiveFrom 应为日期 YYYY-MM-DD');
    expect(refused.stderr).toContain('districtInstruction 应为整数');

    const { direct: _direct, ...withoutDirect } = later.series;
    fs.writeFileSync(
      policyFile,
      JSON.stringify({ ...later, name: 'panyu-2017', effectiveFrom: '2017-01-01', series: withoutDirect })
    );
    const incomplete = await govinfo(database.location, 'policy', 'add', policyFile);
    expect(incomplete.status).toBe(1);
    expect(incomplete.stderr).toContain('政策没有为这些序列设定指标：direct（直报点序列）');
  });
});

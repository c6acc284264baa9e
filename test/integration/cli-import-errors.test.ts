import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { govinfo, writeJsonl } from '../helpers/cli.js';
import { snapshot } from '../helpers/snapshot.js';
import { createTestDatabase, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

const BASE = [
  { type: 'item', id: 'I-1', unit: '沙湾镇', title: '沙湾镇推进古镇保护（政务信息）', submitted: '2011-01-05' },
  { type: 'adoption', id: 'A-1', item: 'I-1', outlet: 'report', kind: 'research', date: '2011-01-07' },
  { type: 'solicitation', id: 'S-1', issuer: 'city', title: '约稿', deadline: '2011-06-30', units: ['沙湾镇'] },
];
const item = (id: string, extra: object = {}) => ({
  type: 'item',
  id,
  unit: '石基镇',
  title: '石基镇信息（政务信息）',
  submitted: '2011-02-01',
  ...extra,
});

describe.skipIf(!isDialectAvailable)('bad ledger input: a precise message, status 1, nothing stored', () => {
  let database: TestDatabase;
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const result = await govinfo(database.location, 'import', writeJsonl(database.dir, 'base.jsonl', BASE));
    expect(result.status).toBe(0);
    before = await snapshot(database.location);
  });
  afterAll(async () => database?.drop());

  /** Imports `file` and expects refusal with each message fragment, and the database exactly as before. */
  async function expectRefused(file: string, ...fragments: string[]): Promise<string> {
    const result = await govinfo(database.location, 'import', file);
    expect(result.status, result.stdout + result.stderr).toBe(1);
    for (const fragment of fragments) expect(result.stderr).toContain(fragment);
    expect(result.stdout).toBe('');
    expect(await snapshot(database.location)).toEqual(before);
    return result.stderr;
  }

  const jsonl = (name: string, records: object[]) => writeJsonl(database.dir, name, records);

  const cases: [name: string, records: object[], fragments: string[]][] = [
    ['unknown unit', [item('I-2', { unit: '火星镇' })], [':1: unit（单位） 的值 "火星镇" 不是已登记的报送单位']],
    [
      'unknown item',
      [{ type: 'adoption', id: 'A-9', item: 'I-404', outlet: 'portal', date: '2011-02-02' }],
      [':1: item 的值 "I-404" 不存在'],
    ],
    [
      'unknown solicitation',
      [item('I-2'), { type: 'response', id: 'R-1', solicitation: 'S-404', item: 'I-2' }],
      [':2: solicitation 的值 "S-404" 不存在'],
    ],
    [
      'malformed date',
      [item('I-2', { submitted: '2011/02/01' })],
      [':1: submitted（报送日期） 的值 "2011/02/01" 不是有效日期'],
    ],
    [
      'impossible date',
      [{ type: 'adoption', id: 'A-9', item: 'I-1', outlet: 'portal', date: '2011-02-30' }],
      [':1: date（日期） 的值 "2011-02-30" 不是有效日期'],
    ],
    [
      'date before the earliest policy',
      [{ type: 'penalty', id: 'P-9', unit: '沙湾镇', reason: 'criticism', date: '2010-04-06' }],
      [':1: date（日期） 的值 2010-04-06 早于最早的考核政策生效日期 2010-04-07'],
    ],
    [
      'deadline before the earliest policy',
      [{ type: 'solicitation', id: 'S-9', issuer: 'city', title: 't', deadline: '2009-12-31' }],
      [':1: deadline（截止日期） 的值 2009-12-31 早于'],
    ],
    ['missing field', [item('I-2', { title: undefined })], [':1: 缺少字段 title（标题）']],
    ['negative id', [item(-3 as unknown as string)], [':1: id（编号）的值 -3 无效']],
    [
      'an unknown field such as negative points',
      [{ type: 'penalty', id: 'P-9', unit: '沙湾镇', reason: 'criticism', date: '2011-05-01', points: -20 }],
      [':1: penalty 记录没有字段 points'],
    ],
    ['unknown type', [{ type: 'memo', id: 'M-1' }], [':1: type（类型）的值 "memo" 无效']],
    [
      'kind missing for report',
      [{ type: 'adoption', id: 'A-9', item: 'I-1', outlet: 'report', date: '2011-02-02' }],
      [':1: 缺少字段 kind（信息类型）'],
    ],
    [
      'a response from a unit the solicitation does not target',
      [item('I-2'), { type: 'response', id: 'R-1', solicitation: 'S-1', item: 'I-2' }],
      [':2: 稿件 I-2 的单位“石基镇”不在约稿 S-1 的约稿对象中'],
    ],
    [
      'an empty target list',
      [{ type: 'solicitation', id: 'S-9', issuer: 'city', title: 't', deadline: '2011-06-30', units: [] }],
      [':1: units（约稿对象） 不能为空列表'],
    ],
    [
      'a conflict with a stored record',
      [{ ...BASE[1], date: '2011-01-08' }],
      [':1: adoption A-1 与数据库中已存储的同编号记录不一致（date：已存 "2011-01-07"，本行 "2011-01-08"）'],
    ],
    [
      'a conflict within the file',
      [item('I-2'), item('I-2', { title: '另一个标题' })],
      [':2: item I-2 与', 'bad.jsonl:1 的同编号记录不一致'],
    ],
  ];

  it.each(cases)('%s', async (_name, records, fragments) => {
    const file = jsonl('bad.jsonl', records);
    await expectRefused(file, ...fragments.map((f) => (f.startsWith(':') ? `${file}${f}` : f)));
  });

  it('reports every problem of the file, each at its line, and stores none of the valid records', async () => {
    const file = jsonl('many.jsonl', [
      item('I-10'),
      item('I-11', { unit: '火星镇' }),
      item('I-12'),
      { type: 'adoption', id: 'A-10', item: 'I-12', outlet: 'tv', date: '2011-02-02' },
    ]);
    const stderr = await expectRefused(
      file,
      `${file}:2: unit`,
      `${file}:4: outlet`,
      '导入失败：共 2 个问题，未存储任何记录'
    );
    expect(stderr).not.toContain(`${file}:1:`);
  });

  it('refuses a line that is not JSON', async () => {
    const file = path.join(database.dir, 'broken.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(item('I-2'))}\n{"type":"item",\n`);
    await expectRefused(file, `${file}:2: 不是有效的 JSON`);
  });

  it('refuses an empty file', async () => {
    const file = path.join(database.dir, 'empty.jsonl');
    fs.writeFileSync(file, '');
    await expectRefused(file, `${file}: 文件为空`);
    fs.writeFileSync(file, '\n\n');
    await expectRefused(file, `${file}: 文件为空`);
  });

  it('refuses a 200 MB file before reading it', async () => {
    const file = path.join(database.dir, 'huge.jsonl');
    const handle = fs.openSync(file, 'w');
    fs.ftruncateSync(handle, 200 * 1024 * 1024);
    fs.closeSync(handle);
    try {
      await expectRefused(file, `${file}: 文件过大（200.0 MB），单个台账文件最多 150.0 MB`);
    } finally {
      fs.rmSync(file);
    }
  });

  it('refuses a file type it does not read', async () => {
    const file = path.join(database.dir, 'ledger.txt');
    fs.writeFileSync(file, 'x');
    await expectRefused(file, '不支持的文件类型“.txt”');
  });

  it('refuses a missing file', async () => {
    await expectRefused(path.join(database.dir, 'nope.jsonl'), '文件不存在或无法读取');
  });

  it('refuses a CSV that is not UTF-8, naming the line', async () => {
    const file = path.join(database.dir, 'gbk.csv');
    const gbkShawan = Buffer.from([0xc9, 0xb3, 0xcd, 0xe5, 0xd5, 0xf2]); // 沙湾镇 in GBK
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('类型,编号,单位,标题,报送日期\nitem,I-2,石基镇,t,2011-02-01\nitem,I-3,'),
        gbkShawan,
        Buffer.from(',t,2011-02-01\n'),
      ])
    );
    await expectRefused(file, `${file}:3: 文件不是 UTF-8 编码`);
  });

  it('reports CSV problems by line, counting quoted line breaks', async () => {
    const file = path.join(database.dir, 'ledger.csv');
    fs.writeFileSync(
      file,
      '\uFEFF类型,编号,单位,标题,报送日期,正文\n信息稿件,I-2,石基镇,t,2011-02-01,"两行\n正文"\n信息稿件,I-3,石基镇,t,2011-13-01,\n'
    );
    await expectRefused(file, `${file}:4: submitted（报送日期） 的值 "2011-13-01" 不是有效日期`);
  });

  it('refuses a CSV with an unknown column or without the type column', async () => {
    const file = path.join(database.dir, 'columns.csv');
    fs.writeFileSync(file, '类型,编号,单位,分数\nitem,I-2,石基镇,5\n');
    await expectRefused(file, `${file}:1: 未知的列“分数”`);
    fs.writeFileSync(file, '编号,单位,标题,报送日期\nI-2,石基镇,t,2011-02-01\n');
    await expectRefused(file, `${file}:1: 缺少“类型”列`);
  });

  it('refuses a spreadsheet with a wrong sheet layout, naming sheet and row', async () => {
    const file = path.join(database.dir, 'layout.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['编号', '单位']);
    const adoptions = workbook.addWorksheet('采用');
    adoptions.addRow(['编号', '稿件', '载体']);
    await workbook.xlsx.writeFile(file);
    await expectRefused(
      file,
      `${file}:Sheet1: 未知的工作表“Sheet1”`,
      `${file}:采用:1: 未知的列“稿件”`,
      `${file}:采用:1: 未知的列“载体”`
    );
  });

  it('reports spreadsheet problems by sheet and row', async () => {
    const file = path.join(database.dir, 'rows.xlsx');
    const workbook = new ExcelJS.Workbook();
    const items = workbook.addWorksheet('信息稿件');
    items.addRow(['编号', '单位', '标题', '报送日期']);
    items.addRow(['I-2', '石基镇', '标题', new Date(Date.UTC(2011, 1, 1))]);
    items.addRow(['I-3', '火星镇', '标题', '2011-02-01']);
    await workbook.xlsx.writeFile(file);
    await expectRefused(file, `${file}:信息稿件:3: unit（单位） 的值 "火星镇"`);
  });

  it('refuses a file that claims to be a spreadsheet but is not', async () => {
    const file = path.join(database.dir, 'fake.xlsx');
    fs.writeFileSync(file, 'not a zip');
    await expectRefused(file, `${file}: 不是有效的 XLSX 文件`);
  });
});

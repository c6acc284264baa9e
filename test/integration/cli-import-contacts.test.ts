import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/services/open-store.js';
import { readRegistry } from '../../src/services/registry/registry.js';
import { govinfo, writeJsonl } from '../helpers/cli.js';
import { snapshot } from '../helpers/snapshot.js';
import { createTestDatabase, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

const ROSTER = [
  {
    type: 'contact',
    id: 'C-1',
    unit: '沙湾镇',
    duty: 'officer',
    name: '陈信息',
    post: '党政办科员',
    phone: '13800138000',
    email: 'chen@shawan.example.gov.cn',
    staffing: 'civil_servant',
    from: '2010-03-01',
  },
  {
    type: 'contact',
    id: 'C-2',
    unit: '沙湾镇',
    duty: '分管领导',
    name: '李副镇长',
    phone: '020-84730000',
    from: '2009-01-01',
  },
  {
    type: 'contact',
    id: 'C-3',
    unit: '沙湾镇',
    duty: 'officer',
    name: '王前任',
    staffing: '在编公务员',
    from: '2008-05-01',
    to: '2010-02-28',
  },
];

const EDITOR = { id: 0, username: 'test', ip: '127.0.0.1', role: 'editor' as const, unitId: null, displayName: 'test' };

async function registryOf(location: string, unit: string) {
  const store = await openStore(location);
  try {
    const units = await readRegistry(store.db, EDITOR, new Date('2011-06-01T00:00:00Z'));
    return units.find((u) => u.unit.name === unit)!;
  } finally {
    await store.close();
  }
}

describe.skipIf(!isDialectAvailable)('the 信息员名册 as ledger records (type contact)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  it('registers each person with duty, phone, e-mail, staffing and term, and a second import changes nothing', async () => {
    const file = writeJsonl(database.dir, 'roster.jsonl', ROSTER);
    const first = await govinfo(database.location, 'import', file);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/信息员名册 contact\s+3\s+0/);

    const shawan = await registryOf(database.location, '沙湾镇');
    expect(shawan.contacts.map((c) => [c.dutyName, c.name, c.officePhone, c.mobile, c.email, c.staffing])).toEqual([
      ['分管领导（第一责任人）', '李副镇长', '020-84730000', null, null, 'other'],
      ['信息员', '陈信息', null, '13800138000', 'chen@shawan.example.gov.cn', 'civil_servant'],
    ]);
    expect(shawan.history.map((c) => [c.name, c.startedOn, c.endedOn])).toEqual([
      ['王前任', '2008-05-01', '2010-02-28'],
    ]);
    expect(shawan.warnings).toEqual(['未登记直接责任人']);

    const before = await snapshot(database.location);
    const again = await govinfo(database.location, 'import', file);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/信息员名册 contact\s+0\s+3/);
    expect(await snapshot(database.location)).toEqual(before);
  });

  it('refuses a changed record under a stored id, a bad e-mail and a term that ends before it starts, storing nothing', async () => {
    const before = await snapshot(database.location);
    const file = writeJsonl(database.dir, 'bad.jsonl', [
      { ...ROSTER[0], email: 'chen@new.example.gov.cn' },
      {
        type: 'contact',
        id: 'C-9',
        unit: '沙湾镇',
        duty: 'officer',
        name: '赵',
        email: 'not-an-address',
        from: '2011-01-01',
      },
      {
        type: 'contact',
        id: 'C-10',
        unit: '沙湾镇',
        duty: 'director',
        name: '钱',
        from: '2011-01-01',
        to: '2010-12-31',
      },
      { type: 'contact', id: 'C-11', unit: '沙湾镇', duty: 'secretary', name: '孙', from: '2011-01-01' },
    ]);
    const result = await govinfo(database.location, 'import', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('bad.jsonl:1: contact C-1 与数据库中已存储的同编号记录不一致（email');
    expect(result.stderr).toContain('bad.jsonl:2: email（电子邮箱） 的值 "not-an-address" 不是有效的电子邮箱地址');
    expect(result.stderr).toContain('bad.jsonl:3: to（离任日期）的值 2010-12-31 早于 from（任职日期）2011-01-01');
    expect(result.stderr).toContain('bad.jsonl:4: duty（职责） 的值 "secretary" 无效');
    expect(await snapshot(database.location)).toEqual(before);
  });

  it('reads the roster from CSV and from the template workbook sheet 信息员名册', async () => {
    const csv = path.join(database.dir, 'roster.csv');
    fs.writeFileSync(
      csv,
      '\uFEFF类型,编号,单位,职责,姓名,职务,联系电话,电子邮箱,编制,任职日期,离任日期\n' +
        '信息员名册,C-20,石基镇,直接责任人,周主任,办公室主任,020-84600000,zhou@shiji.example.gov.cn,正式编制人员,2010-06-01,\n'
    );
    const fromCsv = await govinfo(database.location, 'import', csv);
    expect(fromCsv.status, fromCsv.stderr).toBe(0);
    expect((await registryOf(database.location, '石基镇')).contacts.map((c) => [c.name, c.email, c.staffing])).toEqual([
      ['周主任', 'zhou@shiji.example.gov.cn', 'permanent'],
    ]);

    const template = path.join(database.dir, 'template.xlsx');
    expect((await govinfo(database.location, 'template', '--out', template)).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const sheet = workbook.getWorksheet('信息员名册')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '编号',
      '单位',
      '职责',
      '姓名',
      '职务',
      '联系电话',
      '电子邮箱',
      '编制',
      '任职日期',
      '离任日期',
    ]);
    const fresh = await createTestDatabase();
    try {
      const result = await govinfo(fresh.location, 'import', template);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/信息员名册 contact\s+1\s+0/);
    } finally {
      await fresh.drop();
    }
  });
});

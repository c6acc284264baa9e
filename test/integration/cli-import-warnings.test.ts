import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { govinfo, writeJsonl } from '../helpers/cli.js';
import { snapshot } from '../helpers/snapshot.js';
import { createTestDatabase, dialect, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

describe.skipIf(!isDialectAvailable)('import warnings, odd files and concurrent use', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => database?.drop());
  const jsonl = (name: string, records: object[]) => writeJsonl(database.dir, name, records);

  it('says where a district instruction earns nothing, and stores it', async () => {
    const file = jsonl('i.jsonl', [
      { type: 'item', id: 'I-1', unit: '沙湾镇', title: 't', submitted: '2011-01-05' },
      { type: 'adoption', id: 'A-1', item: 'I-1', outlet: 'portal', date: '2011-01-07' },
      { type: 'instruction', id: 'N-1', item: 'I-1', level: 'district', date: '2011-01-10' },
    ]);
    const result = await govinfo(database.location, 'import', file);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(
      `${file}:3: 稿件 I-1 未被《番府信息》(政务动态)或《番府信息上报》采用，区领导批示 N-1 已记录但不加分`
    );
    expect(result.stdout).toContain('新增 3 条');
  });

  it('warns when a manual lateness deduction may repeat the automatic one, whichever is imported first', async () => {
    const solicitation = {
      type: 'solicitation',
      id: 'S-1',
      issuer: 'district',
      title: 't',
      deadline: '2011-06-30',
      units: ['沙湾镇'],
    };
    const penalty = { type: 'penalty', id: 'P-1', unit: '沙湾镇', reason: 'late_solicitation', date: '2011-07-20' };
    const penaltyAfter = await govinfo(database.location, 'import', jsonl('a.jsonl', [solicitation, penalty]));
    expect(penaltyAfter.stderr).toContain('a.jsonl:2: 沙湾镇 已因未在截止日期 2011-06-30 前报送约稿 S-1 被自动扣分');

    const other = await createTestDatabase();
    try {
      await govinfo(other.location, 'import', writeJsonl(other.dir, 'p.jsonl', [penalty]));
      const solicitationAfter = await govinfo(
        other.location,
        'import',
        writeJsonl(other.dir, 's.jsonl', [solicitation])
      );
      expect(solicitationAfter.stderr).toContain(
        's.jsonl:1: 沙湾镇 未按时报送约稿 S-1，将被自动扣分；其已有的手工迟报扣分 P-1（2011-07-20）可能重复扣分'
      );
    } finally {
      await other.drop();
    }
  });

  it('refuses a CSV with a repeated column or a cell under no column', async () => {
    const before = await snapshot(database.location);
    const repeated = path.join(database.dir, 'repeated.csv');
    fs.writeFileSync(repeated, '类型,编号,单位,标题,标题,报送日期\nitem,I-1,沙湾镇,a,b,2011-01-05\n');
    const first = await govinfo(database.location, 'import', repeated);
    expect(first.status).toBe(1);
    expect(first.stderr).toContain(`${repeated}:1: 第 4 列和第 5 列是同一列“标题”`);

    const extra = path.join(database.dir, 'extra.csv');
    fs.writeFileSync(extra, '类型,编号,单位,标题,报送日期\nitem,I-1,沙湾镇,t,2011-01-05,surplus\n');
    const second = await govinfo(database.location, 'import', extra);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`${extra}:2: 第 6 列没有列名，其值 "surplus" 无法导入`);
    expect(await snapshot(database.location)).toEqual(before);
  });

  it.runIf(dialect === 'sqlite')('does not create a database in a directory that does not exist', async () => {
    const missing = path.join(database.dir, 'no-such-dir', 'x.db');
    const result = await govinfo(missing, 'units');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('数据库文件所在的目录不存在');
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });

  it.runIf(dialect === 'postgres')('names a PostgreSQL database that does not exist', async () => {
    const result = await govinfo(`${database.location}_missing`, 'units');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PostgreSQL 数据库不存在');
  });

  it('lets several processes set up and import into one new database at once', async () => {
    const file = jsonl('c.jsonl', [
      { type: 'item', id: 'I-1', unit: '沙湾镇', title: 't', submitted: '2011-01-05' },
      { type: 'adoption', id: 'A-1', item: 'I-1', outlet: 'dynamic', date: '2011-01-07' },
    ]);
    const results = await Promise.all([1, 2, 3].map(() => govinfo(database.location, 'import', file)));
    for (const result of results) {
      expect(result.stderr).not.toMatch(/[A-Za-z]{4,} (key|exists|constraint)/);
      if (result.status !== 0) expect(result.stderr).toContain('另一个导入同时写入了相同编号的记录');
    }
    expect(results.some((r) => r.status === 0)).toBe(true);
    const scores = JSON.parse((await govinfo(database.location, 'scores', '--year', '2011', '--json')).stdout);
    expect(scores.units.find((u: { unit: string }) => u.unit === '沙湾镇').annual.points).toBe(3);
  });
});

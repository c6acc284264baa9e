import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { govinfo } from '../helpers/cli.js';
import { createTestDatabase, dialect, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

describe.skipIf(!isDialectAvailable)(`govinfo backup, backup verify and restore (${dialect})`, () => {
  let database: TestDatabase;
  let backup: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    backup = path.join(database.dir, '备份.bak');
    expect((await govinfo(database.location, 'units')).status).toBe(0);
  });
  afterAll(async () => database?.drop());

  it('backs up, and refuses to overwrite a backup', async () => {
    const made = await govinfo(database.location, 'backup', '--out', backup);
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain('清单：');
    expect(made.status).toBe(0);
    const again = await govinfo(database.location, 'backup', '--out', backup);
    expect(again).toMatchObject({ status: 1, stdout: '' });
    expect(again.stderr).toContain('备份文件已存在');
  });

  it('passes the drill with a table of counts and hashes, and fails it on a damaged copy', async () => {
    const drill = await govinfo(database.location, 'backup', 'verify', backup);
    expect(drill.stdout).toMatch(/units\s+80\s+80\s+\w{16}\s+\w{16}\s+一致/);
    expect(drill.stdout).toContain('结论：恢复演练通过');
    expect(drill.status).toBe(0);

    const damaged = path.join(database.dir, '损坏.bak');
    const bytes = fs.readFileSync(backup);
    bytes.fill(0, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 256);
    fs.writeFileSync(damaged, bytes);
    fs.copyFileSync(`${backup}.manifest.json`, `${damaged}.manifest.json`);
    const failed = await govinfo(database.location, 'backup', 'verify', damaged);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('恢复演练未通过');
    expect(failed.stderr).toContain('SHA-256 与清单不符');
  });

  it('refuses to restore into a database that holds tables', async () => {
    const refused = await govinfo(database.location, 'restore', backup);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('目标数据库不是空的');
  });
});

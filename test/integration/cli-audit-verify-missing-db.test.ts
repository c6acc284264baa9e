/**
 * Issue 10, finding 7: `govinfo audit verify --db` on a mistyped path created an empty database
 * and reported it intact. The check refuses a database that does not exist; every other command
 * still creates its database on first use, as the spec says.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { govinfo } from '../helpers/cli.js';
import { createTestDatabase, dialect, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

describe.skipIf(!isDialectAvailable)('CLI: audit verify refuses a database that does not exist', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  /** A database location that does not exist, in the dialect under test. */
  const missing = () =>
    dialect === 'sqlite'
      ? path.join(database.dir, 'govinfo-typo.db')
      : database.location.replace(/\/[^/]+$/, '/govinfo_missing_typo');

  it('answers status 1 naming the missing database, and creates nothing', async () => {
    const location = missing();
    const result = await govinfo(location, 'audit', 'verify');
    expect([result.status, result.stdout]).toEqual([1, '']);
    if (dialect === 'sqlite') {
      expect(result.stderr).toContain(`数据库文件不存在：${location}；校验不会新建数据库`);
      expect(fs.existsSync(location)).toBe(false);
    } else {
      expect(result.stderr).toContain('PostgreSQL 数据库不存在');
    }
  });

  it('refuses an empty SQLite file rather than filling it', async () => {
    if (dialect !== 'sqlite') return;
    const location = path.join(database.dir, 'empty.db');
    fs.writeFileSync(location, '');
    const result = await govinfo(location, 'audit', 'verify');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`数据库文件是空文件：${location}`);
    expect(fs.statSync(location).size).toBe(0);
  });

  it('still verifies an existing database, and other commands still create theirs on first use', async () => {
    const created = await govinfo(database.location, 'units');
    expect(created.status).toBe(0);
    if (dialect === 'sqlite') expect(fs.existsSync(database.location)).toBe(true);
    const verified = await govinfo(database.location, 'audit', 'verify');
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('审计日志完整');
  });
});

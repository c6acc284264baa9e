import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteForKysely } from '../../src/db/sqlite-statements.js';

describe('SQLite statements for Kysely: rows built in JavaScript', () => {
  let dir: string;
  let file: string;
  let sqlite: SqliteDatabase.Database;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-statements-'));
    file = path.join(dir, 'test.db');
    sqlite = new SqliteDatabase(file);
    sqlite.exec(`create table t (id integer primary key, name text, score real, note text);
      insert into t values (1, '沙湾镇', 1.5, null), (2, 'a"b\\c', -2, 'x');`);
  });
  afterEach(() => {
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const read = (db: ReturnType<typeof sqliteForKysely>, sql: string, parameters: unknown[] = []) => {
    if (typeof db === 'function') throw new Error('expected a database');
    return db.prepare(sql).all(parameters);
  };

  it('gives the same rows as better-sqlite3, repeated column names included', () => {
    const db = sqliteForKysely(sqlite);
    for (const sql of [
      'select * from t order by id',
      'select id, name as n, id as n from t where id > ? order by id',
      'select count(*) as n from t where note is null',
    ]) {
      const expected = sqlite.prepare(sql).all(...(sql.includes('?') ? [0] : []));
      const rows = read(db, sql, sql.includes('?') ? [0] : []);
      expect(rows, sql).toEqual(expected);
      expect(
        rows.map((row) => Object.keys(row as object)),
        sql
      ).toEqual(expected.map((row) => Object.keys(row as object)));
    }
  });

  it("keeps a column named __proto__ as a value, never as the row's prototype", () => {
    const row = read(sqliteForKysely(sqlite), 'select name as "__proto__", score from t where id = 1')[0] as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe('沙湾镇');
    expect(row.score).toBe(1.5);
  });

  it('streams the same rows', () => {
    const db = sqliteForKysely(sqlite);
    if (typeof db === 'function') throw new Error('expected a database');
    expect([...db.prepare('select * from t order by id').iterate([])]).toEqual(
      sqlite.prepare('select * from t order by id').all()
    );
  });

  it("follows schema changes: its own, and another connection's under a cached select *", () => {
    const db = sqliteForKysely(sqlite);
    if (typeof db === 'function') throw new Error('expected a database');
    expect(read(db, 'select * from t where id = 1')).toEqual([{ id: 1, name: '沙湾镇', score: 1.5, note: null }]);
    db.prepare('alter table t add column extra integer default 7').run([]);
    expect(read(db, 'select * from t where id = 1')).toEqual([
      { id: 1, name: '沙湾镇', score: 1.5, note: null, extra: 7 },
    ]);

    const other = new SqliteDatabase(file);
    other.exec("alter table t add column later text default 'z'");
    other.close();
    expect(read(db, 'select * from t where id = 1')).toEqual([
      { id: 1, name: '沙湾镇', score: 1.5, note: null, extra: 7, later: 'z' },
    ]);
  });

  it('runs writes as before', () => {
    const db = sqliteForKysely(sqlite);
    if (typeof db === 'function') throw new Error('expected a database');
    expect(db.prepare('update t set note = ? where id = ?').run(['y', 1]).changes).toBe(1);
    expect(read(db, 'insert into t (name) values (?) returning id, name', ['new'])).toEqual([{ id: 3, name: 'new' }]);
  });
});

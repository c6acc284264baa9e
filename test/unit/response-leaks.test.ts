import { describe, expect, it } from 'vitest';
import { leaksIn } from '../helpers/hostile/response-leaks.js';

/** The hostile-input run trusts this detector: it must see internal detail and pass the system's own answers. */
describe('leaksIn: internal detail in an answer', () => {
  it.each([
    ['stack frame', 'TypeError: x is undefined\n    at handler (/work/app/src/server/routes/items.ts:12:5)'],
    ['source path', '{"message":"ENOENT: /home/govinfo/dist/server/app.js"}'],
    ['SQLite error', '{"message":"SQLITE_CONSTRAINT: FOREIGN KEY constraint failed"}'],
    ['PostgreSQL error', '{"message":"value out of range; relation \\"items\\" violates foreign key constraint"}'],
    ['SQL text', '{"message":"select * from items where id = 1"}'],
    ['JavaScript error', '{"message":"Cannot read properties of undefined (reading \'id\')"}'],
    ['library name', '{"message":"kysely: no result"}'],
  ])('finds a %s', (kind, body) => {
    expect(leaksIn(body)).toContain(kind);
  });

  it.each([
    '{"error":"invalid","message":"“标题”不能为空","fields":[{"field":"title","label":"标题","message":"“标题”不能为空"}]}',
    '{"error":"internal","message":"服务器内部错误，请稍后重试（编号 req-2bv）"}',
    '{"error":"not_found","message":"请求的资源不存在"}',
    '{"error":"invalid","message":"不允许的字段“__proto__”"}',
  ])('passes the system’s own refusals: %s', (body) => {
    expect(leaksIn(body)).toEqual([]);
  });
});

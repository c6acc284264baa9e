/**
 * Issue 10, finding 7: NUL characters and lone surrogates in text fields were accepted. Every
 * API text is refused with 400 naming the field, and a ledger line holding one is refused by
 * file, line, field and value; nothing is stored either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT } from '../factories/item.factory.js';
import { govinfo, writeJsonl } from '../helpers/cli.js';
import { snapshot } from '../helpers/snapshot.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { createTestDatabase, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

const PROBLEM = '含有空字符（U+0000）或不完整的 Unicode 字符（单独的代理项），请删去后重试';

describe.skipIf(!isDialectAvailable)('API: NUL characters and lone surrogates are refused in every text field', () => {
  let t: TestApp;
  let officer: ApiClient;
  const itemCount = async () => (await t.store.db.selectFrom('items').select('id').execute()).length;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await signInNewUser(t, 'officer', '沙湾镇');
  });
  afterAll(async () => t?.cleanup());

  it('answers 400 naming the title for a NUL and for a lone surrogate, and stores nothing', async () => {
    const before = await itemCount();
    for (const title of ['沙湾镇\u0000防汛工作', '沙湾镇\ud800防汛工作', '沙湾镇防汛工作\udc00']) {
      const response = await officer.post('/api/items', { ...DRAFT, title });
      expect(response.statusCode, JSON.stringify(title)).toBe(400);
      expect(response.json()).toMatchObject({
        error: 'invalid',
        message: `“标题”${PROBLEM}`,
        fields: [{ field: 'title', label: '标题' }],
      });
    }
    expect(await itemCount()).toBe(before);
  });

  it('accepts a surrogate pair, which is a whole character', async () => {
    const response = await officer.post('/api/items', { ...DRAFT, body: `${DRAFT.body}👍` });
    expect(response.statusCode).toBe(201);
  });

  it('refuses them in the query string too', async () => {
    const response = await officer.get(`/api/items?q=${encodeURIComponent('防汛\u0000')}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain(PROBLEM);
  });
});

describe.skipIf(!isDialectAvailable)('CLI: a ledger line with a NUL or a lone surrogate is refused', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  it('names the file, line, field and value, and stores nothing', async () => {
    const file = writeJsonl(database.dir, 'text.jsonl', [
      {
        type: 'item',
        id: 'I-1',
        unit: '沙湾镇',
        title: '沙湾镇\u0000推进古镇保护（政务信息）',
        submitted: '2011-01-05',
      },
      {
        type: 'item',
        id: 'I-2',
        unit: '沙湾镇',
        title: '沙湾镇\ud800推进古镇保护（政务信息）',
        submitted: '2011-01-05',
      },
    ]);
    const before = await snapshot(database.location);
    const result = await govinfo(database.location, 'import', file);
    expect([result.status, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toContain(`${file}:1: title（标题） 的值 "沙湾镇\\u0000推进古镇保护（政务信息）" ${PROBLEM}`);
    expect(result.stderr).toContain(`${file}:2: title（标题） 的值 "沙湾镇\\ud800推进古镇保护（政务信息）" ${PROBLEM}`);
    expect(await snapshot(database.location)).toEqual(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLedgerProblem } from '../../src/files/ledger-problems.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

const CSV_HEADER = '类型,编号,单位,标题,报送日期,稿件编号,采用载体,信息类型,日期';
const GOOD_CSV = [
  CSV_HEADER,
  '信息稿件,W-1,沙湾镇,沙湾镇推进古镇保护（政务信息）,2011-01-05,,,,',
  '采用,WA-1,,,,W-1,番府信息上报,综合调研,2011-01-07',
].join('\n');
const BAD_CSV = [
  CSV_HEADER,
  '信息稿件,W-2,火星镇,火星镇信息（政务信息）,2011-01-05,,,,',
  '信息稿件,W-3,沙湾镇,沙湾镇信息（政务信息）,2011/01/05,,,,',
  '采用,WA-2,,,,W-404,区政府门户网站,,2011-01-07',
].join('\n');

function upload(client: ApiClient, name: string, content: string | Buffer, dryRun: boolean) {
  const boundary = '----govinfo-import';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', `/api/imports?dryRun=${dryRun}`, payload, {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe.skipIf(!isDialectAvailable)('API: ledger import from the web pages', () => {
  let t: TestApp;
  let editor: ApiClient;
  const count = async () => {
    const items = await t.store.db
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bookings = await t.store.db
      .selectFrom('bookings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { items: Number(items.n), bookings: Number(bookings.n) };
  };
  const auditActions = async () =>
    await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('action', '=', 'import_ledger')
      .execute();

  beforeAll(async () => {
    t = await createTestApp({ maxAttachmentBytes: 1024 });
    editor = await signInNewUser(t, 'editor');
  });
  afterAll(async () => t?.cleanup());

  it("keeps ledger import the editor's: the system administrator's upload is refused and changes no score", async () => {
    // Issue 10: a penalty imported as sys_admin changed a unit's points. Administrators keep the system, not its content.
    const admin = await signInNewUser(t, 'sys_admin');
    const before = await count();
    for (const dryRun of [true, false])
      expect((await upload(admin, '台账.csv', GOOD_CSV, dryRun)).statusCode).toBe(403);
    expect((await admin.get('/api/imports/template')).statusCode).toBe(403);
    expect(await count()).toEqual(before);
  });

  it('answers every problem of a bad file with its line, field and value, and stores nothing', async () => {
    const before = await count();
    for (const dryRun of [true, false]) {
      const response = await upload(editor, '台账.csv', BAD_CSV, dryRun);
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.message).toBe('台账“台账.csv”有 3 个问题，未存储任何记录；请修改后重新上传');
      expect(
        body.problems.map((p: { line: number; field: string; value: string }) => [p.line, p.field, p.value])
      ).toEqual([
        [2, 'unit（单位）', '"火星镇"'],
        [3, 'submitted（报送日期）', '"2011/01/05"'],
        [4, 'item', '"W-404"'],
      ]);
      expect(body.problems[0]).toMatchObject({ file: '台账.csv', location: '台账.csv:2', sheet: null });
    }
    expect(await count()).toEqual(before);
    // Only the real attempt is audited, as failed.
    expect(await auditActions()).toEqual([{ action: 'import_ledger', outcome: 'failed' }]);
  });

  it('previews a good file without storing it, then stores it on confirmation, larger than the attachment limit', async () => {
    const before = await count();
    // Padding lines of spaces make the file larger than this app's 1 KB attachment limit.
    const padded = `${GOOD_CSV}\n${' '.repeat(2048)}\n`;
    const preview = await upload(editor, 'good.csv', padded, true);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, file: 'good.csv', warnings: [] });
    expect(preview.json().counts.filter((c: { stored: number }) => c.stored > 0)).toEqual([
      { type: 'item', name: '信息稿件', stored: 1, skipped: 0 },
      { type: 'adoption', name: '采用', stored: 1, skipped: 0 },
    ]);
    expect(await count()).toEqual(before);

    const stored = await upload(editor, 'good.csv', padded, false);
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.json().dryRun).toBe(false);
    const after = await count();
    expect(after.items).toBe(before.items + 1);
    expect(after.bookings).toBeGreaterThan(before.bookings);
    expect((await auditActions()).filter((a) => a.outcome === 'ok')).toHaveLength(1);

    // The same file again changes nothing: every record is skipped.
    const again = await upload(editor, 'good.csv', GOOD_CSV, true);
    expect(again.json().counts.find((c: { type: string }) => c.type === 'item')).toMatchObject({
      stored: 0,
      skipped: 1,
    });
  });

  it('refuses a request without a file and a file of another type', async () => {
    expect((await editor.post('/api/imports?dryRun=true', {})).json().message).toBe(
      '请以 multipart/form-data 上传台账文件'
    );
    const other = await upload(editor, 'notes.txt', 'hello', true);
    expect(other.statusCode).toBe(400);
    expect(other.json().problems[0]).toMatchObject({
      file: 'notes.txt',
      line: null,
      message: '不支持的文件类型“.txt”，应为 .jsonl、.csv 或 .xlsx',
    });
  });

  it('serves the .xlsx template, which imports cleanly as a preview', async () => {
    const template = await editor.get('/api/imports/template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const preview = await upload(editor, '台账导入模板.xlsx', template.rawPayload, true);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().counts.every((c: { stored: number }) => c.stored === 1)).toBe(true);
  });
});

describe.skipIf(!isDialectAvailable)('API: the audit chain verified for the audit administrator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.cleanup());

  it('answers that the chain is intact, and that it is broken once its head no longer matches', async () => {
    const auditor = await signInNewUser(t, 'audit_admin');
    const intact = (await auditor.get('/api/audit/verify')).json();
    expect(intact.ok).toBe(true);
    expect(intact.entries).toBeGreaterThan(0);
    // The log itself is append-only; the head row naming the last entry is what a deletion would leave behind.
    await t.store.db
      .updateTable('audit_head')
      .set({ last_hash: 'f'.repeat(64) })
      .where('id', '=', 1)
      .execute();
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: false });
  });
});

describe('describeLedgerProblem', () => {
  it('splits spreadsheet locations, and keeps texts without a location whole', () => {
    expect(
      describeLedgerProblem('台账.xlsx:采用:4: outlet（采用载体） 的值 "报纸" 无效，应为 portal（区政府门户网站）之一')
    ).toMatchObject({
      file: '台账.xlsx',
      sheet: '采用',
      line: 4,
      field: 'outlet（采用载体）',
      value: '"报纸"',
    });
    expect(describeLedgerProblem('a.jsonl:2: 缺少字段 kind（信息类型）：outlet 为 report 时必填')).toMatchObject({
      line: 2,
      field: 'kind（信息类型）',
      value: null,
    });
    expect(describeLedgerProblem('a.jsonl:7: penalty 记录没有字段 points（值 -20）；可用字段：unit')).toMatchObject({
      field: 'points',
      value: '-20',
    });
    expect(describeLedgerProblem('数据库中没有考核政策，无法导入')).toMatchObject({
      location: '',
      line: null,
      message: '数据库中没有考核政策，无法导入',
    });
  });
});

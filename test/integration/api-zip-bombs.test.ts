/**
 * Issue 10, finding 2: zip bombs. An .xlsx whose sheet inflates to hundreds of MiB, sent to the
 * import preview, must be refused before anything inflates it (the server's memory stays flat);
 * a .docx must be a real Word package within limits, or nothing is stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT } from '../factories/item.factory.js';
import { govinfo } from '../helpers/cli.js';
import { snapshot } from '../helpers/snapshot.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { createTestDatabase, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';
import { buildZip, wordParts, workbookParts, zerosBomb } from '../helpers/zip-builder.js';

const MiB = 1024 * 1024;

function multipart(url: string, client: ApiClient, name: string, content: Buffer) {
  const boundary = '----govinfo-bomb';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', url, payload, {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

/** Runs `work` and answers how far the process's resident memory rose above where it started, at its peak. */
async function peakRssGrowth(work: () => Promise<unknown>): Promise<number> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage().rss) - start;
}

// 512 MiB of zeros as a sheet, about 0.5 MB deflated: the shape of the 1 MB / 1 GiB file.
const honestBomb = buildZip(workbookParts({ deflated: zerosBomb(512), content: undefined }));
// The same sheet whose directory claims 2 KB: only counting what really comes out catches it.
const lyingBomb = buildZip(workbookParts({ deflated: zerosBomb(512), content: undefined, declaredSize: 2048 }));

describe.skipIf(!isDialectAvailable)('API: zip bombs and fake Word files are refused, nothing stored', () => {
  let t: TestApp;
  let editor: ApiClient;
  let officer: ApiClient;
  const itemCount = async () =>
    Number(
      (
        await t.store.db
          .selectFrom('items')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    );
  const attachmentCount = async () =>
    Number(
      (
        await t.store.db
          .selectFrom('attachments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    );

  beforeAll(async () => {
    t = await createTestApp({ maxAttachmentBytes: 5 * MiB });
    editor = await signInNewUser(t, 'editor');
    officer = await signInNewUser(t, 'officer', '沙湾镇');
  });
  afterAll(async () => t?.cleanup());

  it('refuses an .xlsx bomb by its declared size before inflating it: the preview answers 400 and memory stays flat', async () => {
    expect(honestBomb.length).toBeLessThan(MiB);
    let response: Awaited<ReturnType<typeof multipart>> | undefined;
    const growth = await peakRssGrowth(async () => {
      response = await multipart('/api/imports?dryRun=true', editor, '炸弹.xlsx', honestBomb);
    });
    expect(response!.statusCode).toBe(400);
    expect(response!.json().problems.map((p: { file: string; message: string }) => `${p.file}: ${p.message}`)).toEqual([
      '炸弹.xlsx: 解压后共 512.0 MB，超过上限 64.0 MB，不予读取；请按年度拆分，或另存为 .csv 后导入',
    ]);
    expect(growth).toBeLessThan(100 * MiB);
  });

  it('refuses an .xlsx bomb that lies about its size once it inflates past what it declared, and stores nothing', async () => {
    const before = await itemCount();
    for (const dryRun of [true, false]) {
      let response: Awaited<ReturnType<typeof multipart>> | undefined;
      const growth = await peakRssGrowth(async () => {
        response = await multipart(`/api/imports?dryRun=${dryRun}`, editor, '炸弹.xlsx', lyingBomb);
      });
      expect(response!.statusCode).toBe(400);
      expect(
        response!.json().problems.map((p: { file: string; message: string }) => `${p.file}: ${p.message}`)
      ).toEqual([
        '炸弹.xlsx: 压缩包中的“xl/worksheets/sheet1.xml”解压后超过其声明的大小，疑为压缩炸弹，不予读取；请按年度拆分，或另存为 .csv 后导入',
      ]);
      expect(growth).toBeLessThan(100 * MiB);
    }
    expect(await itemCount()).toBe(before);
  });

  it('refuses an .xlsx over the spreadsheet upload limit with 413, however it would inflate', async () => {
    const large = Buffer.concat([honestBomb, Buffer.alloc(5 * MiB)]);
    const response = await multipart('/api/imports?dryRun=true', editor, '大表.xlsx', large);
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toBe('台账文件“大表.xlsx”超过 5 MB，请按年度拆分，或另存为 .csv 后导入');
  });

  it('keeps a real .docx and refuses a 49-byte fake, a package without the document and a bomb: 4xx, nothing stored', async () => {
    const { id } = (await officer.post('/api/items', DRAFT)).json();
    const url = `/api/items/${id}/attachments`;
    expect((await multipart(url, officer, '汛情报告.docx', buildZip(wordParts()))).statusCode).toBe(201);
    const stored = await attachmentCount();

    const fake = Buffer.from('PK\u0003\u0004word/document.xml'.padEnd(49));
    expect(fake.length).toBe(49);
    const refusals: [string, Buffer, number, string][] = [
      ['假文档.docx', fake, 400, '附件“假文档.docx”不是有效的 Word 文档（不是 ZIP 压缩包），未保存'],
      [
        '无正文.docx',
        buildZip(
          wordParts()
            .filter((part) => part.name !== 'word/document.xml')
            .concat({ name: 'word/x.xml', content: Buffer.from('x') })
        ),
        400,
        '附件“无正文.docx”不是 Word 文档（缺少 word/document.xml），未保存',
      ],
      [
        '炸弹.docx',
        buildZip(wordParts({ deflated: zerosBomb(1024), content: undefined })),
        413,
        '附件“炸弹.docx”解压后共 1024.0 MB，超过上限 100.0 MB，未保存',
      ],
      [
        '说谎.docx',
        buildZip(wordParts({ deflated: zerosBomb(1024), content: undefined, declaredSize: 4096 })),
        413,
        '附件“说谎.docx”压缩包中的“word/document.xml”解压后超过其声明的大小，疑为压缩炸弹，未保存',
      ],
    ];
    for (const [name, content, status, message] of refusals) {
      const response = await multipart(url, officer, name, content);
      expect([response.statusCode, response.json().message]).toEqual([status, message]);
    }
    expect(await attachmentCount()).toBe(stored);
  });
});

describe.skipIf(!isDialectAvailable)(
  'CLI: govinfo import refuses an .xlsx bomb, naming the file and the problem',
  () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(async () => database?.drop());

    it('answers status 1 with the file and the problem, and stores nothing', async () => {
      const file = path.join(database.dir, 'bomb.xlsx');
      fs.writeFileSync(file, honestBomb);
      const before = await snapshot(database.location);
      const result = await govinfo(database.location, 'import', file);
      expect([result.status, result.stdout]).toEqual([1, '']);
      expect(result.stderr).toContain(`${file}: 解压后共 512.0 MB，超过上限 64.0 MB，不予读取`);
      expect(await snapshot(database.location)).toEqual(before);
    });
  }
);

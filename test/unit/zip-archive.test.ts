import { describe, expect, it } from 'vitest';
import { checkZipArchive, readZipDirectory, type ZipLimits } from '../../src/files/zip-archive.js';
import { wordPackageProblem } from '../../src/files/word-package.js';
import { buildZip, wordParts, zerosBomb } from '../helpers/zip-builder.js';

const LIMITS: ZipLimits = { maxEntries: 10, maxUncompressedBytes: 8 * 1024 * 1024, maxRatio: 100 };
const text = (n: number) => Buffer.from('番禺区政务信息 '.repeat(n));

describe('checkZipArchive', () => {
  it('accepts an archive within limits and lists its entries', async () => {
    const result = await checkZipArchive(buildZip([{ name: 'a.xml', content: text(100) }]), LIMITS);
    expect(result).toEqual([expect.objectContaining({ name: 'a.xml', method: 8, uncompressedSize: 2200 })]);
  });

  it('refuses by the declared total before inflating anything', async () => {
    const bomb = buildZip([{ name: 'sheet.xml', deflated: zerosBomb(64) }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await checkZipArchive(bomb, LIMITS)).toEqual({
      kind: 'too_large',
      problem: '解压后共 64.0 MB，超过上限 8.0 MB',
    });
  });

  it('refuses an entry whose ratio is a bomb’s, even within the total', async () => {
    const result = await checkZipArchive(buildZip([{ name: 'sheet.xml', deflated: zerosBomb(4) }]), LIMITS);
    expect(result).toMatchObject({
      kind: 'too_large',
      problem: expect.stringMatching(/^压缩包中的“sheet.xml”压缩比 \d+:1 异常（上限 100:1），疑为压缩炸弹$/),
    });
  });

  it('stops inflating an entry that lies about its size, at the size it declared', async () => {
    const liar = buildZip([{ name: 'sheet.xml', deflated: zerosBomb(64), declaredSize: 1000 }]);
    const started = Date.now();
    expect(await checkZipArchive(liar, LIMITS)).toEqual({
      kind: 'too_large',
      problem: '压缩包中的“sheet.xml”解压后超过其声明的大小，疑为压缩炸弹',
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses too many entries, ZIP64 markers, corrupt data and what is no ZIP at all', async () => {
    const many = buildZip(Array.from({ length: 11 }, (_, i) => ({ name: `${i}.xml`, content: text(1) })));
    expect(await checkZipArchive(many, LIMITS)).toEqual({
      kind: 'too_large',
      problem: '压缩包包含 11 个文件，超过上限 10',
    });

    const zip64 = buildZip([{ name: 'a.xml', content: text(1) }]);
    zip64.writeUInt16LE(0xffff, zip64.length - 22 + 10);
    expect(await checkZipArchive(zip64, LIMITS)).toMatchObject({
      kind: 'invalid',
      problem: expect.stringContaining('ZIP64'),
    });

    const corrupt = buildZip([{ name: 'a.xml', deflated: { data: Buffer.from([0xff, 0xff, 0xff]), size: 10 } }]);
    expect(await checkZipArchive(corrupt, LIMITS)).toEqual({
      kind: 'invalid',
      problem: '压缩包中的“a.xml”已损坏，无法解压',
    });

    expect(readZipDirectory(Buffer.from('PK\u0003\u0004 not really a zip, only its first bytes'), 10)).toEqual({
      kind: 'invalid',
      problem: '不是 ZIP 压缩包',
    });
  });
});

describe('checkZipArchive on damaged archives', () => {
  it('answers every damaged copy of an archive, never throws', async () => {
    const valid = buildZip(wordParts());
    let seed = 2010;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const damaged = Buffer.from(valid);
      for (let j = 0; j < 1 + Math.floor(random() * 4); j++)
        damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      const cut = random() < 0.3 ? damaged.subarray(0, Math.floor(random() * damaged.length)) : damaged;
      await expect(checkZipArchive(cut, LIMITS)).resolves.toBeDefined();
    }
  });
});

describe('wordPackageProblem', () => {
  it('accepts a real Word package', async () => {
    expect(await wordPackageProblem(buildZip(wordParts()))).toBeUndefined();
  });

  it('refuses a ZIP without the document part, and a file that only starts like one', async () => {
    const withoutDocument = buildZip(wordParts().filter((part) => part.name !== 'word/document.xml'));
    expect(await wordPackageProblem(withoutDocument)).toEqual({
      kind: 'invalid',
      problem: '不是 Word 文档（缺少 word/document.xml）',
    });
    // The 49-byte file of issue 10: a ZIP signature and "word/" but no archive.
    const fake = Buffer.from('PK\u0003\u0004word/document.xml is what this pretends to be');
    expect(await wordPackageProblem(fake)).toEqual({
      kind: 'invalid',
      problem: '不是有效的 Word 文档（不是 ZIP 压缩包）',
    });
  });
});

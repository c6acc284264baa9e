import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { renderOfficialDocx } from '../../src/files/official-docx.js';
import {
  PdfUnavailableError,
  convertDocxToPdf,
  findExecutable,
  pdfAvailable,
  renderPagePng,
} from '../../src/files/pdf-conversion.js';
import { pdfPageCount } from '../helpers/office-files.js';

const isSqliteRun = process.env.GOVINFO_TEST_DIALECT !== 'postgres';
const hasLibreOffice = pdfAvailable();
if (isSqliteRun && !hasLibreOffice)
  console.warn(
    'LibreOffice (soffice) is not installed: the PDF conversion tests are skipped (apt-get install libreoffice-writer-nogui).'
  );

// The conversion touches no database: run once, in the SQLite project.
describe.skipIf(!isSqliteRun)('PDF through LibreOffice', () => {
  const previous = process.env.GOVINFO_SOFFICE;
  afterEach(() => {
    if (previous === undefined) delete process.env.GOVINFO_SOFFICE;
    else process.env.GOVINFO_SOFFICE = previous;
  });

  it.skipIf(!hasLibreOffice)('lays 50 two-line paragraphs on five pages: 22 lines of 28 characters', async () => {
    const paragraphs = Array.from({ length: 50 }, (_, i) => ({
      kind: 'paragraph' as const,
      text: `第${i + 1}段：${'政务信息'.repeat(12)}`,
    }));
    const pdf = await convertDocxToPdf(await renderOfficialDocx({ title: '测试', blocks: paragraphs }));
    // 50 paragraphs of two lines at 22 lines a page, after the title: 5 pages.
    expect(pdfPageCount(pdf)).toBe(5);
    const page = await renderPagePng(pdf);
    if (page === null) return console.warn('pdftoppm (poppler-utils) is not installed: no page picture drawn.');
    // An A4 page at 60 dpi: 496 × 702 pixels, give or take a rounding.
    expect(Math.abs(page.readUInt32BE(16) - 496)).toBeLessThanOrEqual(1);
    expect(Math.abs(page.readUInt32BE(20) - 702)).toBeLessThanOrEqual(1);
  });

  it.skipIf(!hasLibreOffice)(
    'sets a series of 19 units and 16 figures on one landscape page, its headers on a few lines',
    async () => {
      const columns = [
        '单位',
        '报送信息数',
        '区政府门户网站政务公开栏目采用',
        ...Array.from({ length: 14 }, (_, i) => `第${i + 1}项得分`),
      ];
      const rows = Array.from({ length: 19 }, (_, u) => [`第${u + 1}镇`, ...columns.slice(1).map((_, i) => u * i)]);
      const pdf = await convertDocxToPdf(
        await renderOfficialDocx({
          title: '镇(街)序列',
          blocks: [
            { kind: 'paragraph', text: '前文。' },
            { kind: 'table', columns, rows },
          ],
        })
      );
      // The portrait page of the title, the table's one landscape page, the closing portrait page.
      expect(pdfPageCount(pdf)).toBe(3);
    },
    60_000
  );

  // Where the 公文 fonts are missing (as on a stock Debian server), the body is drawn in a serif
  // stand-in rather than fontconfig's default sans-serif. pdffonts comes with poppler-utils.
  const canCheckFonts =
    hasLibreOffice &&
    hasFamily('Noto Serif CJK SC') &&
    !hasFamily('仿宋_GB2312') &&
    findExecutable('pdffonts') !== null;
  it.skipIf(!canCheckFonts)('draws 仿宋_GB2312 and 宋体 in a serif stand-in, 黑体 in a sans one', async () => {
    const pdf = await convertDocxToPdf(
      await renderOfficialDocx({
        title: '标题',
        blocks: [
          { kind: 'heading', text: '一、总体情况' },
          { kind: 'paragraph', text: '正文' },
        ],
      })
    );
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf }).toString();
    expect(fonts).toMatch(/NotoSerifCJK/);
    expect(fonts).toMatch(/NotoSansCJK/);
  });

  it('says what to install where LibreOffice is missing', async () => {
    process.env.GOVINFO_SOFFICE = '/nonexistent/soffice';
    expect(pdfAvailable()).toBe(false);
    await expect(convertDocxToPdf(Buffer.from('x'))).rejects.toBeInstanceOf(PdfUnavailableError);
    await expect(convertDocxToPdf(Buffer.from('x'))).rejects.toThrow(/libreoffice-writer-nogui/);
  });
});

function hasFamily(family: string): boolean {
  try {
    return (
      execFileSync('fc-list', [`:family=${family}`, 'family'])
        .toString()
        .trim().length > 0
    );
  } catch {
    return false;
  }
}

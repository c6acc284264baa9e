import { describe, expect, it } from 'vitest';
import { checkAttachment, safeFileName, sniffAttachment } from '../../src/domain/attachment-type.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0);
const JPG = bytes(0xff, 0xd8, 0xff, 0xe0);
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** An OLE2 compound file header: the signature and the byte-order mark at 28, 512 bytes in all. */
const DOC = (() => {
  const header = new Uint8Array(512);
  header.set(OLE2_SIGNATURE);
  header.set([0xfe, 0xff], 28);
  return header;
})();
const zip = (entry: string, offset = 30) => {
  const data = new Uint8Array(offset + entry.length + 4);
  data.set([0x50, 0x4b, 0x03, 0x04]);
  data.set(
    [...entry].map((c) => c.charCodeAt(0)),
    offset
  );
  return data;
};

describe('sniffAttachment', () => {
  it('knows each accepted type by its first bytes', () => {
    expect(sniffAttachment(PDF)).toBe('pdf');
    expect(sniffAttachment(PNG)).toBe('png');
    expect(sniffAttachment(JPG)).toBe('jpg');
    expect(sniffAttachment(DOC)).toBe('doc');
    expect(sniffAttachment(zip('word/document.xml'))).toBe('docx');
  });

  it('refuses a .doc that has the OLE2 signature but no compound file header', () => {
    expect(sniffAttachment(bytes(...OLE2_SIGNATURE))).toBeUndefined();
    expect(sniffAttachment(DOC.slice(0, 511))).toBeUndefined();
    expect(sniffAttachment(Uint8Array.from(DOC).fill(0, 28, 30))).toBeUndefined();
  });

  it('refuses an empty file, a prefix one byte short, and a ZIP without word/', () => {
    expect(sniffAttachment(new Uint8Array())).toBeUndefined();
    expect(sniffAttachment(PDF.slice(0, 4))).toBeUndefined();
    expect(sniffAttachment(PNG.slice(0, 7))).toBeUndefined();
    expect(sniffAttachment(zip('xl/workbook.xml'))).toBeUndefined();
    expect(sniffAttachment(bytes(0x4d, 0x5a, 0x90))).toBeUndefined();
  });

  it('looks for word/ within the first 256 KiB only', () => {
    const limit = 256 * 1024;
    expect(sniffAttachment(zip('word/', limit - 5))).toBe('docx');
    expect(sniffAttachment(zip('word/', limit - 4))).toBeUndefined();
  });
});

describe('safeFileName', () => {
  it('keeps the base name without control or reserved characters, at most 120 characters from the end', () => {
    expect(safeFileName('C:\\temp\\报告.docx')).toBe('报告.docx');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a\u0000b"<>|:*?.pdf')).toBe('ab.pdf');
    expect(safeFileName(`${'长'.repeat(116)}.pdf`)).toHaveLength(120);
    expect(safeFileName(`x${'长'.repeat(116)}.pdf`)).toBe(`${'长'.repeat(116)}.pdf`);
    expect(safeFileName('')).toBe('attachment');
    expect(safeFileName('dir/')).toBe('attachment');
  });
});

describe('checkAttachment', () => {
  it('accepts a file whose extension agrees with its content, .jpeg for JPEG too, in any case', () => {
    expect(checkAttachment('scan.PDF', PDF)).toEqual({
      extension: 'pdf',
      mediaType: 'application/pdf',
      fileName: 'scan.PDF',
    });
    expect(checkAttachment('photo.jpeg', JPG)).toMatchObject({ extension: 'jpg', mediaType: 'image/jpeg' });
  });

  it('refuses an empty file, an unknown content and a renamed one', () => {
    expect(checkAttachment('a.pdf', new Uint8Array())).toEqual({ refusal: '附件为空文件' });
    expect(checkAttachment('a.exe', bytes(0x4d, 0x5a))).toEqual({
      refusal: '附件只能是 Word（.docx、.doc）、PDF、JPG 或 PNG 文件',
    });
    expect(checkAttachment('script.pdf', PNG)).toEqual({ refusal: '附件“script.pdf”的扩展名与文件内容（PNG）不符' });
    expect(checkAttachment('noextension', PDF)).toEqual({ refusal: '附件“noextension”的扩展名与文件内容（PDF）不符' });
  });
});

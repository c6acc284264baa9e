import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFT } from '../factories/item.factory.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

/** A real Word document with a heading, emphasis and a table, and text that looks like markup. */
async function wordReport(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('沙湾镇防汛工作情况')] }),
          new Paragraph({
            children: [new TextRun({ text: '全镇出动巡查人员', bold: true }), new TextRun(' 320 人次。')],
          }),
          new Paragraph('<script>alert("x")</script><img src=x onerror=alert(1)>'),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('村居')] }),
                  new TableCell({ children: [new Paragraph('人次')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('三善村')] }),
                  new TableCell({ children: [new Paragraph('45')] }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe.skipIf(!isDialectAvailable)('attachments seen on the item page', () => {
  let t: TestApp;
  let officer: ApiClient;
  let itemId: number;

  const upload = (name: string, content: Buffer) => {
    const boundary = '----govinfo';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return officer.request('POST', `/api/items/${itemId}/attachments`, payload, {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  };

  beforeEach(async () => {
    t = await createTestApp();
    officer = await signInNewUser(t, 'officer', '沙湾镇');
    itemId = (await officer.post('/api/items', DRAFT)).json().id;
  });
  afterEach(async () => t?.cleanup());

  it('shows a Word attachment as sanitised HTML: structure kept, markup in the text inert', async () => {
    const created = await upload('防汛情况.docx', await wordReport());
    expect(created.statusCode).toBe(201);
    const preview = await officer.get(`/api/items/${itemId}/attachments/${created.json().id}/preview`);
    expect(preview.statusCode).toBe(200);
    const { html } = preview.json() as { html: string };
    expect(html).toContain('<h1>沙湾镇防汛工作情况</h1>');
    expect(html).toContain('<strong>全镇出动巡查人员</strong>');
    expect(html).toMatch(/<table>.*<td><p>三善村<\/p><\/td>/s);
    // The document's text that looks like markup stays text.
    expect(html).toContain('&lt;script&gt;alert("x")&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img/);
  });

  it('lets a PDF and a picture open in the page, framed only by our own pages, and offers an old .doc for download only', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%…\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const pdfId = (await upload('汛情报告.pdf', pdf)).json().id;
    const inline = await officer.get(`/api/items/${itemId}/attachments/${pdfId}?disposition=inline`);
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);
    expect(inline.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    expect(inline.headers['x-frame-options']).toBe('SAMEORIGIN');
    const download = await officer.get(`/api/items/${itemId}/attachments/${pdfId}`);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['content-security-policy']).toBe("sandbox; default-src 'none'");

    const doc = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(doc);
    doc[28] = 0xfe;
    doc[29] = 0xff;
    const docId = (await upload('旧格式.doc', doc)).json().id;
    const refused = await officer.get(`/api/items/${itemId}/attachments/${docId}/preview`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe('只有 Word（.docx）附件可以在页面上预览，其他附件请下载查看');
    const docInline = await officer.get(`/api/items/${itemId}/attachments/${docId}?disposition=inline`);
    expect(docInline.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('shows another unit nothing', async () => {
    const created = await upload('防汛情况.docx', await wordReport());
    const other = await signInNewUser(t, 'officer', '石基镇');
    expect((await other.get(`/api/items/${itemId}/attachments/${created.json().id}/preview`)).statusCode).toBe(404);
  });
});

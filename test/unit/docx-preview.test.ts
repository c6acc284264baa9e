import { describe, expect, it } from 'vitest';
import { sanitizePreviewHtml } from '../../src/files/docx-preview.js';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('a Word preview’s HTML', () => {
  it('keeps the document’s structure and embedded pictures', () => {
    const html = `<h2>标题</h2><p><strong>粗</strong><em>斜</em></p><table><tr><td colspan="2">格</td></tr></table><img src="${PNG}" alt="图">`;
    expect(sanitizePreviewHtml(html)).toBe(html.replace(/>$/, ' />'));
  });

  it('drops scripts, handlers, styles, links and anything fetched from outside', () => {
    const html =
      '<p style="position:fixed;top:0" class="x" onclick="steal()">文</p><script>alert(1)</script>' +
      '<a href="javascript:alert(1)">链</a><a href="http://evil.example/">外链</a>' +
      '<img src="http://evil.example/track.png"><img src="data:image/svg+xml;base64,PHN2Zz4=">' +
      '<iframe src="/api/session"></iframe><style>body{display:none}</style><form action="/x"><input></form>';
    expect(sanitizePreviewHtml(html)).toBe('<p>文</p>链外链');
  });
});

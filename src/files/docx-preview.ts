/**
 * A Word attachment as HTML to read on the item page: mammoth turns the document's structure
 * (paragraphs, headings, lists, tables, emphasis, embedded pictures) into HTML, and the result is
 * sanitised to an allowlist — no script, no event handler, no style or class, no link or picture
 * that would fetch anything from outside. The page shows it in a sandboxed frame besides.
 */
import mammoth from 'mammoth';
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sup',
  'sub',
  'br',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'blockquote',
  'img',
];

/** Pictures only as data URIs of raster formats mammoth embeds: nothing is fetched, no SVG runs. */
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|bmp);base64,[A-Za-z0-9+/=\s]+$/;

export function sanitizePreviewHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { img: ['src', 'alt'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: [],
    allowedSchemesByTag: { img: ['data'] },
    allowProtocolRelative: false,
    // Links keep their text; their targets go.
    exclusiveFilter: (frame) => frame.tag === 'img' && !DATA_IMAGE.test(frame.attribs.src ?? ''),
  });
}

/** The sanitised HTML of a `.docx`; the reader's warnings (unknown styles) are not the user's concern. */
export async function docxPreviewHtml(docx: Buffer): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: docx });
  return sanitizePreviewHtml(value);
}

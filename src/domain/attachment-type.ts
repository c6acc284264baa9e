import { ATTACHMENT_TYPES } from '../shared/item-fields.js';

type Extension = keyof typeof ATTACHMENT_TYPES;

const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((b, i) => data[i] === b);

function contains(data: Uint8Array, text: string, limit: number): boolean {
  const needle = [...text].map((c) => c.charCodeAt(0));
  const end = Math.min(data.length, limit) - needle.length;
  for (let i = 0; i <= end; i++) if (needle.every((b, j) => data[i + j] === b)) return true;
  return false;
}

/**
 * An OLE2 compound file (the old .doc): its signature, a full 512-byte header and the
 * little-endian byte-order mark at offset 28 that every compound file carries.
 */
function isCompoundFile(data: Uint8Array): boolean {
  return (
    data.length >= 512 &&
    startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) &&
    data[28] === 0xfe &&
    data[29] === 0xff
  );
}

/** The type a file's bytes show it to be, whatever its name says; undefined when it is none of the accepted ones. */
export function sniffAttachment(data: Uint8Array): Extension | undefined {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (isCompoundFile(data)) return 'doc';
  // A .docx is a ZIP whose entries live under word/; a ZIP of anything else is refused.
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) && contains(data, 'word/', 256 * 1024)) return 'docx';
  return undefined;
}

/** A file name safe to store and send back: no path, no control characters, at most 120 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim();
  return [...cleaned].slice(-120).join('') || 'attachment';
}

/**
 * Checks an upload: its content must be Word, PDF, JPEG or PNG, and its name's extension must
 * agree with the content (a script renamed .pdf is refused).
 */
export function checkAttachment(
  name: string,
  data: Uint8Array
): { extension: Extension; mediaType: string; fileName: string } | { refusal: string } {
  const fileName = safeFileName(name);
  if (data.length === 0) return { refusal: '附件为空文件' };
  const sniffed = sniffAttachment(data);
  if (!sniffed) return { refusal: '附件只能是 Word（.docx、.doc）、PDF、JPG 或 PNG 文件' };
  const extension = fileName.toLowerCase().split('.').pop();
  const matches = extension === sniffed || (sniffed === 'jpg' && extension === 'jpeg');
  if (!matches) return { refusal: `附件“${fileName}”的扩展名与文件内容（${sniffed.toUpperCase()}）不符` };
  return { extension: sniffed, mediaType: ATTACHMENT_TYPES[sniffed], fileName };
}

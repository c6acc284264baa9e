/**
 * Writes MIME messages by hand for the mail intake tests, the way real mail programs send them:
 * bodies in UTF-8, GB2312, GBK or GB18030, RFC 2047 encoded-word subjects, RFC 2231 file names,
 * quoted-printable and base64, multipart/alternative inside multipart/mixed. Node encodes no GB
 * charset, so iconv-lite (a dependency of mailparser) does it here, in the tests only.
 */
import iconv from 'iconv-lite';
import { buildZip, wordParts } from './zip-builder.js';

export type Charset = 'UTF-8' | 'GB2312' | 'GBK' | 'GB18030';
export type TransferEncoding = 'base64' | 'quoted-printable';

export interface EmlAttachment {
  name: string;
  data: Buffer;
  contentType?: string;
  /** How the file name is written: RFC 2231 (filename*=) or an RFC 2047 encoded word. */
  nameStyle?: 'rfc2231' | 'rfc2047';
}

export interface EmlMessage {
  from: string;
  subject: string;
  text?: string;
  /** An HTML body; with `text` both go in a multipart/alternative. */
  html?: string;
  charset?: Charset;
  encoding?: TransferEncoding;
  /** Subject encoded-word style: B (base64) or Q. */
  subjectStyle?: 'B' | 'Q';
  messageId?: string | null;
  date?: string;
  attachments?: EmlAttachment[];
}

const CRLF = '\r\n';

export function encodeText(text: string, charset: Charset): Buffer {
  return charset === 'UTF-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, charset);
}

/** Quoted-printable (RFC 2045): lines of at most 76 characters with soft breaks. */
export function quotedPrintable(data: Buffer): string {
  const lines: string[] = [];
  let line = '';
  const push = (token: string) => {
    if (line.length + token.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += token;
  };
  for (let i = 0; i < data.length; i++) {
    const byte = data[i];
    if (byte === 0x0d && data[i + 1] === 0x0a) {
      lines.push(line);
      line = '';
      i++;
    } else if (byte === 0x0a) {
      lines.push(line);
      line = '';
    } else if (
      (byte >= 33 && byte <= 126 && byte !== 61) ||
      (byte === 32 && data[i + 1] !== 0x0a && i + 1 < data.length)
    )
      push(String.fromCharCode(byte));
    else push(`=${byte.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  lines.push(line);
  return lines.join(CRLF);
}

function base64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? ['']).join(CRLF);
}

/** An RFC 2047 encoded word, split so each stays within 75 characters and never splits a character. */
export function encodedWord(text: string, charset: Charset, style: 'B' | 'Q' = 'B'): string {
  const words: string[] = [];
  let chunk = '';
  const flush = () => {
    if (chunk === '') return;
    const bytes = encodeText(chunk, charset);
    const encoded =
      style === 'B'
        ? bytes.toString('base64')
        : [...bytes]
            .map((b) =>
              (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
                ? String.fromCharCode(b)
                : b === 32
                  ? '_'
                  : `=${b.toString(16).toUpperCase().padStart(2, '0')}`
            )
            .join('');
    words.push(`=?${charset}?${style}?${encoded}?=`);
    chunk = '';
  };
  for (const char of text) {
    chunk += char;
    if (chunk.length >= 10) flush();
  }
  flush();
  return words.join(`${CRLF} `);
}

/** RFC 2231 parameter: name*=charset''percent-encoded, in UTF-8. */
function rfc2231(name: string, value: string): string {
  const encoded = [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9._-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase()}`
    )
    .join('');
  return `${name}*=UTF-8''${encoded}`;
}

function textPart(body: string, type: 'plain' | 'html', charset: Charset, encoding: TransferEncoding): string {
  const bytes = encodeText(body, charset);
  return [
    `Content-Type: text/${type}; charset="${charset}"`,
    `Content-Transfer-Encoding: ${encoding}`,
    '',
    encoding === 'base64' ? base64Lines(bytes) : quotedPrintable(bytes),
  ].join(CRLF);
}

function attachmentPart(attachment: EmlAttachment): string {
  const type = attachment.contentType ?? 'application/octet-stream';
  const style = attachment.nameStyle ?? 'rfc2231';
  const nameParams =
    style === 'rfc2231'
      ? { type: rfc2231('name', attachment.name), disposition: rfc2231('filename', attachment.name) }
      : {
          type: `name="${encodedWord(attachment.name, 'GB18030')}"`,
          disposition: `filename="${encodedWord(attachment.name, 'GB18030')}"`,
        };
  return [
    `Content-Type: ${type}; ${nameParams.type}`,
    `Content-Disposition: attachment; ${nameParams.disposition}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(attachment.data),
  ].join(CRLF);
}

function multipart(subtype: string, boundary: string, parts: string[]): string {
  return [
    `Content-Type: multipart/${subtype}; boundary="${boundary}"`,
    '',
    ...parts.map((part) => `--${boundary}${CRLF}${part}`),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

let counter = 0;

/** A whole message as bytes, ready to be written to a `.eml` file. */
export function buildEml(message: EmlMessage): Buffer {
  const charset = message.charset ?? 'UTF-8';
  const encoding = message.encoding ?? 'base64';
  counter++;
  const headers = [
    `From: ${encodedWord('信息员', charset)} <${message.from}>`,
    'To: zwxx@panyu.gov.cn',
    `Subject: ${encodedWord(message.subject, charset, message.subjectStyle ?? 'B')}`,
    `Date: ${message.date ?? 'Wed, 07 Apr 2010 10:00:00 +0800'}`,
    ...(message.messageId === null
      ? []
      : [`Message-ID: <${message.messageId ?? `m${counter}.${Date.now()}@test.example`}>`]),
    'MIME-Version: 1.0',
  ];
  const bodies: string[] = [];
  if (message.text !== undefined) bodies.push(textPart(message.text, 'plain', charset, encoding));
  if (message.html !== undefined) bodies.push(textPart(message.html, 'html', charset, encoding));
  let content = bodies.length === 1 ? bodies[0] : multipart('alternative', `alt-${counter}`, bodies);
  if (message.attachments?.length)
    content = multipart('mixed', `mixed-${counter}`, [content, ...message.attachments.map(attachmentPart)]);
  return Buffer.from(`${headers.join(CRLF)}${CRLF}${content}`, 'latin1');
}

/** A real (smallest) Word document whose text is `text`. */
export function docxWith(text: string): Buffer {
  return buildZip(
    wordParts({
      content: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`
      ),
    })
  );
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

import { simpleParser, type AddressObject } from 'mailparser';

/** A MIME message decoded: what intake needs of it. */
export interface MailMessage {
  /** The Message-ID without angle brackets, lower-cased; null when absent. */
  messageId: string | null;
  /** The sender's address (the first From address), lower-cased. */
  from: string;
  subject: string;
  /** The text body, or the HTML body turned into text. */
  text: string;
  /** When it was sent (the Date header), if readable. */
  date: Date | null;
  /** Attached files, in order; images embedded in the HTML body are not attachments. */
  attachments: { name: string; data: Buffer }[];
}

/**
 * Decodes a message with mailparser (charsets such as GB2312, GBK and GB18030, RFC 2047 encoded
 * words, RFC 2231 file names, quoted-printable and base64, nested multiparts). Answers why not,
 * in Chinese, when it is not a message this system can take in.
 */
export async function readMailMessage(data: Buffer): Promise<MailMessage | { problem: string }> {
  let parsed;
  try {
    parsed = await simpleParser(data, { skipImageLinks: true, skipTextToHtml: true });
  } catch {
    return { problem: '邮件无法解析：不是有效的 MIME 邮件' };
  }
  if (parsed.headers.size === 0) return { problem: '邮件无法解析：没有邮件头' };
  const from = firstAddress(parsed.from);
  if (!from) return { problem: '邮件无法解析：没有发件人地址（From）' };
  const id = parsed.messageId?.trim().replace(/^<|>$/g, '').toLowerCase();
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null;
  return {
    messageId: id ? id.slice(0, 998) : null,
    from: from.toLowerCase(),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    date,
    attachments: parsed.attachments
      .filter((a) => !(a.related && a.contentDisposition === 'inline'))
      .map((a, index) => ({ name: a.filename ?? `附件${index + 1}`, data: a.content })),
  };
}

function firstAddress(from: AddressObject | undefined): string | undefined {
  for (const entry of from?.value ?? []) {
    if (entry.address) return entry.address;
    for (const member of entry.group ?? []) if (member.address) return member.address;
  }
  return undefined;
}

/**
 * The district's mailbox as configured (GOVINFO_IMAP_URL, GOVINFO_IMAP_POLL_S,
 * GOVINFO_IMAP_TLS_INSECURE): read and checked here, with no I/O, so a bad setting stops
 * `govinfo serve` at start with a message naming the variable, and never the password.
 */

/** Where the mail of the units arrives (the district's 信息报送 mailbox). */
export interface MailboxAddress {
  /** `imaps://`: TLS from the first byte; `imap://`: plain, upgraded with STARTTLS when the server offers it. */
  secure: boolean;
  host: string;
  port: number;
  /** The login name and password, URL-decoded. */
  user: string;
  password: string;
  /** The folder read, the URL's path (default INBOX). */
  mailbox: string;
  /** Accept a self-signed or otherwise unverifiable certificate (a government intranet's own CA). */
  tlsInsecure: boolean;
  /** Seconds between two polls of the background poller. */
  pollSeconds: number;
}

/** The default poll interval: every five minutes. */
export const DEFAULT_POLL_SECONDS = 300;

/** What a poller shows of the mailbox: `user@host/INBOX`, never the password. */
export function mailboxLabel(address: Pick<MailboxAddress, 'user' | 'host' | 'mailbox'>): string {
  return `${address.user}@${address.host}/${address.mailbox}`;
}

/** The actor the audit log names for messages taken in from the mailbox. */
export function mailboxActorName(address: Pick<MailboxAddress, 'user' | 'host'>): string {
  return `mail:${address.user}@${address.host}`;
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * Reads the mailbox settings from the environment: null when GOVINFO_IMAP_URL is not set,
 * `{ problem }` (Chinese, naming the variable, without the password) when a setting is wrong.
 */
export function readMailboxSettings(
  env: Readonly<Record<string, string | undefined>>
): MailboxAddress | null | { problem: string } {
  const text = env.GOVINFO_IMAP_URL?.trim();
  if (!text) return null;
  const variable = 'GOVINFO_IMAP_URL';
  const example = '应形如 imaps://用户名:密码@邮件服务器:993/INBOX';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: `${variable} 不是有效的地址，${example}` };
  }
  if (url.protocol !== 'imaps:' && url.protocol !== 'imap:')
    return { problem: `${variable} 应以 imaps:// 或 imap:// 开头（当前为 ${url.protocol}//），${example}` };
  const secure = url.protocol === 'imaps:';
  if (!url.hostname) return { problem: `${variable} 缺少邮件服务器地址，${example}` };
  const user = decode(url.username);
  const password = decode(url.password);
  if (!user) return { problem: `${variable} 缺少用户名，${example}` };
  if (!password) return { problem: `${variable} 缺少密码，${example}` };
  const port = url.port ? Number(url.port) : secure ? 993 : 143;
  const path = decode(url.pathname.replace(/^\/+/, '').replace(/\/+$/, ''));
  if (path === null) return { problem: `${variable} 的邮箱文件夹名编码有误` };
  if (url.search || url.hash) return { problem: `${variable} 不应带 ? 或 # 部分，${example}` };

  let pollSeconds = DEFAULT_POLL_SECONDS;
  const poll = env.GOVINFO_IMAP_POLL_S?.trim();
  if (poll) {
    pollSeconds = Number(poll);
    if (!Number.isInteger(pollSeconds) || pollSeconds < 1 || pollSeconds > 86_400)
      return { problem: `GOVINFO_IMAP_POLL_S 的值“${poll}”无效，应为 1–86400 的整数（秒）` };
  }
  const insecure = env.GOVINFO_IMAP_TLS_INSECURE?.trim();
  if (insecure && insecure !== '0' && insecure !== '1')
    return { problem: `GOVINFO_IMAP_TLS_INSECURE 的值“${insecure}”无效，应为 1（不校验证书）或 0` };

  return {
    secure,
    // An IPv6 literal comes bracketed in a URL; the socket wants it bare.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    user,
    password,
    mailbox: path || 'INBOX',
    tlsInsecure: insecure === '1',
    pollSeconds,
  };
}

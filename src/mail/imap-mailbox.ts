/**
 * The district's mailbox over IMAP (imapflow): list what is in the folder, fetch one message's
 * raw source, move it to another folder. Nothing here deletes a message: MOVE (or, on a server
 * without it, imapflow's COPY + \Deleted + UID EXPUNGE of that one message) is the only removal.
 * Every failure becomes a MailboxError whose message names the server, never the password.
 */
import { ImapFlow } from 'imapflow';
import { mailboxLabel, type MailboxAddress } from '../domain/mailbox-address.js';

/** A message in the folder read: its UID and RFC822.SIZE. */
export interface MailboxMessage {
  uid: number;
  size: number;
}

/** An open session on the mailbox's folder. */
export interface OpenMailbox {
  /** The UID validity of the folder: with the UID it names one message for good. */
  uidValidity: string;
  /** Every message in the folder, oldest first. */
  list(): Promise<MailboxMessage[]>;
  /** The message's raw source, or null when it is no longer there (another client moved it). */
  source(uid: number): Promise<Buffer | null>;
  /** Moves the message to `folder`, creating the folder when missing. */
  move(uid: number, folder: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens the mailbox; the poll use case takes this as a parameter, so tests may pass another. */
export type ConnectMailbox = (address: MailboxAddress) => Promise<OpenMailbox>;

/** A mailbox failure, with a message for the operator in Chinese. */
export class MailboxError extends Error {}

interface ImapFailure {
  code?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  responseText?: string;
  message?: string;
}

const CERTIFICATE_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/** Says what went wrong in the operator's terms; imapflow's own texts never carry the password. */
export function describeFailure(address: MailboxAddress, error: unknown): string {
  const failure = (error ?? {}) as ImapFailure;
  const server = `${address.host}:${address.port}`;
  const code = failure.code ?? '';
  if (failure.authenticationFailed || code === 'AuthenticationFailure')
    return `邮箱 ${address.user}@${address.host} 登录失败：用户名或密码错误（GOVINFO_IMAP_URL）`;
  if (code === 'ECONNREFUSED') return `无法连接邮件服务器 ${server}：连接被拒绝`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `找不到邮件服务器 ${address.host}`;
  if (/TIMEOUT/i.test(code)) return `连接邮件服务器 ${server} 超时`;
  if (CERTIFICATE_CODES.test(code))
    return `邮件服务器 ${server} 的证书无法校验（${code}）；内网自签名证书可设置 GOVINFO_IMAP_TLS_INSECURE=1`;
  if (code === 'NoConnection' || code === 'ECONNRESET' || code === 'EPIPE') return `与邮件服务器 ${server} 的连接中断`;
  const detail = failure.responseText ?? failure.message ?? String(error);
  return `收取邮件失败（${server}）：${detail}`;
}

/** Opens the configured folder of the mailbox over IMAP. */
export const connectImapMailbox: ConnectMailbox = async (address) => {
  const client = new ImapFlow({
    host: address.host,
    port: address.port,
    secure: address.secure,
    auth: { user: address.user, pass: address.password },
    tls: { rejectUnauthorized: !address.tlsInsecure },
    logger: false,
    // A background poll should not hang a shutdown for minutes on a dead server.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
    disableAutoIdle: true,
  });
  // A connection dropped between commands is reported on the next command; this keeps it off the process.
  client.on('error', () => undefined);
  const fail = (error: unknown): never => {
    throw error instanceof MailboxError ? error : new MailboxError(describeFailure(address, error));
  };
  await client.connect().catch(fail);
  let uidValidity: string;
  try {
    const opened = await client.mailboxOpen(address.mailbox);
    uidValidity = String(opened.uidValidity);
  } catch (error) {
    await client.logout().catch(() => undefined);
    const failure = error as ImapFailure;
    if (failure.serverResponseCode === 'NONEXISTENT' || /doesn't exist|not exist/i.test(failure.responseText ?? ''))
      throw new MailboxError(`邮箱 ${mailboxLabel(address)} 中没有文件夹“${address.mailbox}”`);
    return fail(error);
  }
  const folders = new Set<string>();

  async function ensureFolder(folder: string): Promise<void> {
    if (folders.has(folder)) return;
    const existing = await client.list();
    if (!existing.some((entry) => entry.path === folder)) {
      try {
        await client.mailboxCreate(folder);
      } catch (error) {
        // Another client may have created it just now.
        if ((error as ImapFailure).serverResponseCode !== 'ALREADYEXISTS') throw error;
      }
    }
    folders.add(folder);
  }

  return {
    uidValidity,
    list: async () => {
      const mailbox = client.mailbox;
      if (!mailbox || mailbox.exists === 0) return [];
      const messages = await client.fetchAll('1:*', { uid: true, size: true }).catch(fail);
      return messages.map((m) => ({ uid: m.uid, size: m.size ?? 0 })).sort((a, b) => a.uid - b.uid);
    },
    source: async (uid) => {
      const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true }).catch(fail);
      return message && message.source ? message.source : null;
    },
    move: async (uid, folder) => {
      try {
        await ensureFolder(folder);
        const moved = await client.messageMove(String(uid), folder, { uid: true });
        if (!moved) throw new MailboxError(`无法把邮件移入文件夹“${folder}”`);
      } catch (error) {
        fail(error);
      }
    },
    close: async () => {
      await client.logout().catch(() => client.close());
    },
  };
};

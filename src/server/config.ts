import { readMailboxSettings, type MailboxAddress } from '../domain/mailbox-address.js';
import type { LedgerFileLimits } from '../files/read-ledger-file.js';
import {
  MAX_IMPORT_BYTES,
  MAX_MAIL_MESSAGE_BYTES,
  MAX_SPREADSHEET_BYTES,
  MAX_SPREADSHEET_UNZIPPED_BYTES,
} from '../shared/limits.js';

/** How the server runs; everything has a safe default. */
export interface ServerConfig {
  /** Send cookies with `Secure`: `auto` when the request came over HTTPS (directly or, with trustProxy, via a proxy). */
  secureCookies: 'auto' | 'always' | 'never';
  /** Trust X-Forwarded-* from a reverse proxy in front (for the client address and HTTPS). */
  trustProxy: boolean;
  /** Logins per client address per minute. */
  loginRateLimit: number;
  /** Costly requests (scores, exports, uploads) per account per minute. */
  costlyRateLimit: number;
  /** The largest attachment accepted, in bytes. */
  maxAttachmentBytes: number;
  /**
   * Ledger import sizes (`GOVINFO_MAX_SPREADSHEET_MB`, `GOVINFO_MAX_SPREADSHEET_UNZIPPED_MB`);
   * the defaults of `src/shared/limits.ts` when absent.
   */
  ledgerLimits?: LedgerFileLimits;
  /** The largest mail message taken in (`GOVINFO_MAX_MAIL_MB`); MAX_MAIL_MESSAGE_BYTES when absent. */
  maxMailBytes?: number;
  /** The district's mailbox polled for reported mail (`GOVINFO_IMAP_URL`); none when absent. */
  mailbox?: MailboxAddress | null;
  /** 邮件通知 (GOVINFO_SMTP_URL and friends); without it, or without an SMTP URL, messages wait in the outbox. */
  mail?: MailConfig;
  /** Background jobs run once across server processes; defaults when absent. */
  jobs?: JobsConfig;
  /** The clock; tests move it to pass idle and lockout limits. */
  now: () => Date;
}

/** How background jobs share the work between the server processes of one database. */
export interface JobsConfig {
  /** GOVINFO_JOB_LEASE_S: how long a process that died holding a job blocks it (default 60 s). */
  leaseMs: number;
  /** GOVINFO_SESSION_CLEANUP_S: seconds between clean-ups of expired sessions (default 600). */
  sessionCleanupSeconds: number;
}

/** A setting of the environment that cannot be used; the message names the variable, in Chinese. */
export class ConfigError extends Error {}

/** The mailbox settings (GOVINFO_IMAP_URL and the rest), null when none; throws ConfigError when wrong. */
export function mailboxFromEnv(env: NodeJS.ProcessEnv = process.env): MailboxAddress | null {
  const settings = readMailboxSettings(env);
  if (settings && 'problem' in settings) throw new ConfigError(settings.problem);
  return settings;
}

/** How the server sends its e-mail notifications. */
export interface MailConfig {
  /** GOVINFO_SMTP_URL: `smtp://user:pass@host:25` or `smtps://user:pass@host:465`; null = not configured. */
  smtpUrl: string | null;
  /** GOVINFO_MAIL_FROM; by default the URL's user when it is an address, else `govinfo@<host>`. */
  from: string | null;
  /** GOVINFO_PUBLIC_URL: the address people open the system at, for links in the messages. */
  publicUrl: string | null;
  /** GOVINFO_SMTP_POLL_S: seconds between the sender's rounds (default 30). */
  pollSeconds: number;
  /** False when a test drives the sender itself; the server starts it whenever smtpUrl is set. */
  runSender?: boolean;
}

/** The e-mail settings from the environment. */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const poll = Number(env.GOVINFO_SMTP_POLL_S);
  return {
    smtpUrl: env.GOVINFO_SMTP_URL?.trim() || null,
    from: env.GOVINFO_MAIL_FROM?.trim() || null,
    publicUrl: env.GOVINFO_PUBLIC_URL?.trim() || null,
    pollSeconds: Number.isFinite(poll) && poll > 0 ? poll : 30,
  };
}

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    secureCookies:
      env.GOVINFO_SECURE_COOKIES === 'always' || env.GOVINFO_SECURE_COOKIES === 'never'
        ? env.GOVINFO_SECURE_COOKIES
        : 'auto',
    trustProxy: env.GOVINFO_TRUST_PROXY === '1' || env.GOVINFO_TRUST_PROXY === 'true',
    loginRateLimit: number('GOVINFO_LOGIN_RATE_LIMIT', 20),
    costlyRateLimit: number('GOVINFO_COSTLY_RATE_LIMIT', 120),
    maxAttachmentBytes: number('GOVINFO_MAX_ATTACHMENT_MB', 20) * 1024 * 1024,
    ledgerLimits: ledgerLimitsFromEnv(env),
    maxMailBytes: mailLimitsFromEnv(env).maxMessageBytes,
    mailbox: mailboxFromEnv(env),
    mail: mailConfigFromEnv(env),
    jobs: {
      leaseMs: number('GOVINFO_JOB_LEASE_S', 60) * 1000,
      sessionCleanupSeconds: number('GOVINFO_SESSION_CLEANUP_S', 600),
    },
    now: () => new Date(),
  };
}

/** Ledger file limits from the environment, shared by the server and `govinfo import`. */
export function ledgerLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): LedgerFileLimits {
  const megabytes = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? Math.round(value * 1024 * 1024) : fallback;
  };
  return {
    maxBytes: MAX_IMPORT_BYTES,
    maxSpreadsheetBytes: megabytes('GOVINFO_MAX_SPREADSHEET_MB', MAX_SPREADSHEET_BYTES),
    maxSpreadsheetUnzippedBytes: megabytes('GOVINFO_MAX_SPREADSHEET_UNZIPPED_MB', MAX_SPREADSHEET_UNZIPPED_BYTES),
  };
}

/** Mail intake limits from the environment, shared by the server and `govinfo intake`. */
export function mailLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): {
  maxMessageBytes: number;
  maxAttachmentBytes: number;
} {
  const megabytes = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? Math.round(value * 1024 * 1024) : fallback;
  };
  return {
    maxMessageBytes: megabytes('GOVINFO_MAX_MAIL_MB', MAX_MAIL_MESSAGE_BYTES),
    maxAttachmentBytes: megabytes('GOVINFO_MAX_ATTACHMENT_MB', 20 * 1024 * 1024),
  };
}

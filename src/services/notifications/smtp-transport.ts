import nodemailer from 'nodemailer';
import type { MailTransport } from './send-outbox.js';

/** Where and as whom the server sends e-mail (GOVINFO_SMTP_URL, GOVINFO_MAIL_FROM). */
export interface SmtpSettings {
  /** `smtp://user:pass@host:25` (STARTTLS when offered) or `smtps://user:pass@host:465`. */
  url: string;
  /** The From address; by default the URL's user when it is an address, else `govinfo@<host>`. */
  from?: string | null;
}

/** The From address when GOVINFO_MAIL_FROM is not set. */
export function defaultFromAddress(url: string): string {
  try {
    const parsed = new URL(url);
    const user = decodeURIComponent(parsed.username);
    if (user.includes('@')) return user;
    const host = parsed.hostname.replace(/^\[|\]$/gu, '');
    return `${user || 'govinfo'}@${host}`;
  } catch {
    return 'govinfo@localhost';
  }
}

/** A transport sending through the SMTP server at `url`; close it when done. */
export function smtpTransport(settings: SmtpSettings): { send: MailTransport; close: () => void } {
  const transporter = nodemailer.createTransport(settings.url);
  const from = { name: '政务信息报送与考核系统', address: settings.from || defaultFromAddress(settings.url) };
  return {
    send: async (mail) => {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transporter.close(),
  };
}

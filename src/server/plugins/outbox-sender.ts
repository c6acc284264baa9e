import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { startOutboxLoop } from '../../services/notifications/outbox-loop.js';
import { smtpTransport } from '../../services/notifications/smtp-transport.js';
import type { ServerConfig } from '../config.js';

/**
 * Sends the outbox in the background while the server runs, when GOVINFO_SMTP_URL is set;
 * started when the app is ready, stopped (after the round under way) when it closes.
 */
export function registerOutboxSender(app: FastifyInstance, db: Kysely<Database>, config: ServerConfig): void {
  const mail = config.mail;
  if (!mail?.smtpUrl || mail.runSender === false) return;
  const smtpUrl = mail.smtpUrl;
  let running: { stop: () => Promise<void>; close: () => void } | undefined;
  app.addHook('onReady', async () => {
    const transport = smtpTransport({ url: smtpUrl, from: mail.from });
    const loop = startOutboxLoop(db, {
      transport: transport.send,
      publicUrl: mail.publicUrl,
      pollSeconds: mail.pollSeconds,
      leaseMs: config.jobs?.leaseMs,
      now: config.now,
      onError: (error) => app.log.error({ err: error }, '邮件发送出错'),
    });
    running = { stop: loop.stop, close: transport.close };
  });
  app.addHook('onClose', async () => {
    if (!running) return;
    await running.stop();
    running.close();
  });
}

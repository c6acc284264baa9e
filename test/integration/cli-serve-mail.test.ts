import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/services/open-store.js';
import { TestSmtpServer } from '../helpers/smtp-server.js';
import { dialect } from '../helpers/test-store.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe.skipIf(dialect !== 'sqlite')('govinfo serve with GOVINFO_SMTP_URL', () => {
  const smtp = new TestSmtpServer();
  let dir: string;
  beforeAll(async () => {
    await smtp.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-serve-mail-'));
  });
  afterAll(async () => {
    await smtp.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends the waiting outbox in the background and stops cleanly on SIGTERM', async () => {
    const db = path.join(dir, 'govinfo.db');
    const store = await openStore(db);
    const at = new Date().toISOString();
    await store.db
      .insertInto('mail_outbox')
      .values({
        recipient_email: 'officer@shiji.example.gov.cn',
        recipient_name: '石信息',
        contact_id: null,
        unit_id: null,
        kind: 'notice_posted',
        subject: '【政务信息报送与考核系统】信息工作通知：测试',
        body: '石基镇 石信息：\n\n正文',
        link_path: '/notices/1',
        dedupe_key: 'cli-serve',
        created_at: at,
        status: 'pending',
        next_attempt_at: at,
        last_error: null,
        sent_at: null,
      })
      .execute();
    await store.close();

    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin/govinfo'), '--db', db, 'serve', '--port', String(port)],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          GOVINFO_DB: '',
          GOVINFO_LOG_LEVEL: 'silent',
          GOVINFO_SMTP_URL: smtp.url,
          GOVINFO_MAIL_FROM: 'govinfo@example.gov.cn',
          GOVINFO_PUBLIC_URL: 'https://govinfo.example.gov.cn',
          GOVINFO_SMTP_POLL_S: '0.2',
        },
      }
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await vi.waitFor(() => expect(output).toContain(`邮件通知：经 smtp://127.0.0.1:${smtp.port} 在后台发送`), {
        timeout: 30_000,
        interval: 100,
      });
      await vi.waitFor(() => expect(smtp.received).toHaveLength(1), { timeout: 15_000, interval: 100 });
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    const [mail] = smtp.take();
    expect(mail).toMatchObject({
      to: ['officer@shiji.example.gov.cn'],
      from: 'govinfo@example.gov.cn',
      subject: '【政务信息报送与考核系统】信息工作通知：测试',
    });
    expect(mail.text).toContain('在系统中查看：https://govinfo.example.gov.cn/notices/1');
    const reopened = await openStore(db);
    try {
      const rows = await reopened.db.selectFrom('mail_outbox').select(['status', 'attempts']).execute();
      expect(rows).toEqual([{ status: 'sent', attempts: 1 }]);
    } finally {
      await reopened.close();
    }
  });
});

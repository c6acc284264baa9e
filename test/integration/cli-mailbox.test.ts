/** `govinfo intake --mailbox` (one poll, for cron) and `govinfo serve` refusing a bad GOVINFO_IMAP_URL. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { finishLease } from '../../src/db/repositories/job-lease.repository.js';
import { MAILBOX_POLL_JOB } from '../../src/services/mail/mailbox-poller.js';
import { openStore } from '../../src/services/open-store.js';
import { govinfo, govinfoWithEnv, writeJsonl } from '../helpers/cli.js';
import { freePort, isDovecotAvailable, startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { buildEml } from '../helpers/eml-builder.js';
import { holdLeaseElsewhere } from '../helpers/leases.js';
import { createTestDatabase, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

const OFFICER = 'chen@shawan.example.gov.cn';
const ROOT = path.resolve(import.meta.dirname, '../..');

describe.skipIf(!isDialectAvailable)('govinfo with a bad or missing GOVINFO_IMAP_URL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  it('intake --mailbox without a mailbox is a usage error', async () => {
    const result = await govinfoWithEnv({ GOVINFO_IMAP_URL: '' }, database.location, 'intake', '--mailbox');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/未配置报送邮箱：请设置环境变量 GOVINFO_IMAP_URL/);
  });

  it('serve and intake --mailbox refuse a bad URL, naming the variable and never the password', async () => {
    const env = { GOVINFO_IMAP_URL: 'pop3://xinxi:T0p-s3cret@mail.example.gov.cn/INBOX' };
    const serve = await govinfoWithEnv(env, database.location, 'serve', '--port', String(await freePort()));
    expect(serve.status).toBe(1);
    expect(serve.stderr).toMatch(/GOVINFO_IMAP_URL 应以 imaps:\/\/ 或 imap:\/\/ 开头/);
    const intake = await govinfoWithEnv(env, database.location, 'intake', '--mailbox');
    expect(intake.status).toBe(1);
    expect(intake.stderr).toMatch(/GOVINFO_IMAP_URL/);
    const interval = await govinfoWithEnv(
      { GOVINFO_IMAP_URL: 'imaps://xinxi:T0p-s3cret@mail.example.gov.cn/INBOX', GOVINFO_IMAP_POLL_S: 'often' },
      database.location,
      'serve',
      '--port',
      String(await freePort())
    );
    expect(interval.status).toBe(1);
    expect(interval.stderr).toMatch(/GOVINFO_IMAP_POLL_S 的值“often”无效/);
    for (const output of [serve, intake, interval]) expect(output.stdout + output.stderr).not.toContain('T0p-s3cret');
  });

  it('intake --mailbox waits its turn: refused while a server process is polling', async () => {
    const store = await openStore(database.location);
    try {
      const lease = await holdLeaseElsewhere(store.db, MAILBOX_POLL_JOB);
      const env = { GOVINFO_IMAP_URL: 'imap://xinxi:T0p-s3cret@127.0.0.1:1/INBOX' };
      const intake = await govinfoWithEnv(env, database.location, 'intake', '--mailbox');
      expect(intake.status).toBe(1);
      expect(intake.stderr).toContain('另一进程正在收取报送邮箱，请稍后再试');
      await finishLease(store.db, { ...lease, expiresAt: lease.at });
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!isDialectAvailable || !isDovecotAvailable)('govinfo intake --mailbox [--json]', () => {
  let database: TestDatabase;
  let dovecot: Dovecot;
  const imap = async () => {
    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await client.connect();
    return client;
  };

  beforeAll(async () => {
    dovecot = await startDovecot();
    database = await createTestDatabase();
    const roster = writeJsonl(database.dir, 'roster.jsonl', [
      {
        type: 'contact',
        id: 'C-1',
        unit: '沙湾镇',
        duty: 'officer',
        name: '陈信息',
        post: '科员',
        phone: '13800138000',
        email: OFFICER,
        staffing: 'civil_servant',
        from: '2010-03-01',
      },
    ]);
    const imported = await govinfo(database.location, 'import', roster);
    expect(imported.status, imported.stderr).toBe(0);
    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await client.connect();
    await client.append(
      'INBOX',
      buildEml({ from: OFFICER, subject: '沙湾镇防汛检查(政务信息)', text: '镇里开展防汛检查。' })
    );
    await client.append('INBOX', buildEml({ from: 'who@example.com', subject: '稿件', text: '正文' }));
    await client.logout();
  });
  afterAll(async () => {
    await database?.drop();
    await dovecot?.stop();
  });

  it('exits 1 with a precise message on a wrong password, taking nothing in', async () => {
    const result = await govinfoWithEnv(
      { GOVINFO_IMAP_URL: dovecot.url({ password: 'wrong-s3cret' }) },
      database.location,
      'intake',
      '--mailbox'
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/登录失败：用户名或密码错误/);
    expect(result.stdout + result.stderr).not.toContain('wrong-s3cret');
  });

  it('polls once and prints the --json shape of govinfo intake; a second run takes nothing', async () => {
    const env = { GOVINFO_IMAP_URL: dovecot.url() };
    const first = await govinfoWithEnv(env, database.location, 'intake', '--mailbox', '--json');
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      accepted: [
        { file: 'INBOX/UID 1', item: expect.any(Number), unit: '沙湾镇', title: '沙湾镇防汛检查（政务信息）' },
      ],
      quarantined: [{ file: 'INBOX/UID 2', reason: expect.stringMatching(/不是任何单位在册人员/) }],
    });
    const second = await govinfoWithEnv(env, database.location, 'intake', '--mailbox');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/导入完成：收取邮箱 .*\/INBOX，导入 0 篇稿件，隔离 0 封，重复跳过 0 封/);
  });

  it('is polled by govinfo serve at start, logging nothing of the password', async () => {
    const client = await imap();
    await client.append('INBOX', buildEml({ from: OFFICER, subject: '服务收取的稿件(政务信息)', text: '正文。' }));
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin/govinfo'), '--db', database.location, 'serve', '--port', String(await freePort())],
      {
        cwd: ROOT,
        env: { ...process.env, GOVINFO_DB: '', GOVINFO_IMAP_URL: dovecot.url(), GOVINFO_IMAP_POLL_S: '1' },
      }
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await vi.waitFor(() => expect(output).toMatch(/收取邮箱 .*@127\.0\.0\.1\/INBOX：每 1 秒一次/), {
        timeout: 30_000,
        interval: 100,
      });
      await vi.waitFor(
        async () => {
          expect(await client.status('INBOX', { messages: true })).toMatchObject({ messages: 0 });
          expect(await client.status('已导入', { messages: true })).toMatchObject({ messages: 2 });
        },
        { timeout: 30_000, interval: 200 }
      );
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await client.logout();
    }
    expect(output).not.toContain(dovecot.password);
    expect(output).not.toContain(encodeURIComponent(dovecot.password));
  });
});

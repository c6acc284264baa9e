/**
 * Several processes, one database: four `govinfo serve` processes on one PostgreSQL database run
 * each background job once — every e-mail sent once, the session clean-up once per period — and
 * when the process holding the outbox round is killed mid-send, another takes the round over once
 * the lease expires. SQLite serves one process; the suite runs on PostgreSQL only.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../src/db/connect.js';
import { findLease } from '../../src/db/repositories/job-lease.repository.js';
import { SESSION_CLEANUP_JOB } from '../../src/services/auth/clean-up-sessions.js';
import { OUTBOX_JOB } from '../../src/services/notifications/outbox-loop.js';
import { openStore } from '../../src/services/open-store.js';
import { TestSmtpServer } from '../helpers/smtp-server.js';
import { createTestDatabase, dialect, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LEASE_S = 2;
const CLEANUP_S = 1;

if (dialect === 'sqlite')
  console.warn('Several server processes on one database: PostgreSQL only (SQLite serves one process).');

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** The process id in a lease holder `host:pid:random`. */
const holderPid = (holder: string) => Number(holder.split(':').at(-2));

describe.skipIf(dialect !== 'postgres' || !isDialectAvailable)('four govinfo serve processes on one database', () => {
  const smtp = new TestSmtpServer();
  let database: TestDatabase;
  let store: Store;
  const children: { child: ChildProcessWithoutNullStreams; output: string; exited: Promise<number | null> }[] = [];

  const enqueue = async (key: string, at: string) => {
    await store.db
      .insertInto('mail_outbox')
      .values({
        recipient_email: `${key}@shiji.example.gov.cn`,
        recipient_name: '石信息',
        contact_id: null,
        unit_id: null,
        kind: 'notice_posted',
        subject: `通知 ${key}`,
        body: '正文',
        link_path: null,
        dedupe_key: key,
        created_at: at,
        status: 'pending',
        next_attempt_at: at,
        last_error: null,
        sent_at: null,
      })
      .execute();
  };
  const subjects = () => smtp.received.map((m) => m.subject).sort();

  beforeAll(async () => {
    await smtp.start();
    database = await createTestDatabase();
    // Migrated once before the servers start (as a deployment upgrades before starting its processes).
    store = await openStore(database.location);
  });
  afterAll(async () => {
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await store?.close();
    await smtp.stop();
    await database?.drop();
  });

  it('sends each message once, cleans up once per period, and survives the death of the job holder', async () => {
    for (let i = 0; i < 12; i++) await enqueue(`first-${String(i).padStart(2, '0')}`, new Date().toISOString());

    for (let i = 0; i < 4; i++) {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        [path.join(ROOT, 'bin/govinfo'), '--db', database.location, 'serve', '--port', String(port)],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            GOVINFO_DB: '',
            GOVINFO_LOG_LEVEL: 'silent',
            GOVINFO_SMTP_URL: smtp.url,
            GOVINFO_MAIL_FROM: 'govinfo@example.gov.cn',
            GOVINFO_SMTP_POLL_S: '0.3',
            GOVINFO_JOB_LEASE_S: String(LEASE_S),
            GOVINFO_SESSION_CLEANUP_S: String(CLEANUP_S),
          },
        }
      );
      const entry = { child, output: '', exited: new Promise<number | null>((r) => child.once('exit', r)) };
      child.stdout.on('data', (chunk: Buffer) => (entry.output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (entry.output += chunk.toString()));
      children.push(entry);
    }
    await vi.waitFor(() => expect(children.every((c) => c.output.includes('邮件通知：经'))).toBe(true), {
      timeout: 30_000,
      interval: 100,
    });

    // Every message once, whichever process sent it.
    await vi.waitFor(() => expect(smtp.received).toHaveLength(12), { timeout: 15_000, interval: 100 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(subjects()).toEqual(Array.from({ length: 12 }, (_, i) => `通知 first-${String(i).padStart(2, '0')}`));

    // The clean-up once per period across the four (each process alone would run it every second).
    const runsBefore = (await findLease(store.db, SESSION_CLEANUP_JOB))!.runs;
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const runs = (await findLease(store.db, SESSION_CLEANUP_JOB))!.runs - runsBefore;
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(4 / CLEANUP_S + 2);

    // A send stuck mid-round: the round's holder keeps its lease (renewing it), the others wait.
    smtp.received = [];
    smtp.holdNext = 1;
    const t = Date.now();
    await enqueue('stuck-1', new Date(t - 3000).toISOString());
    await enqueue('stuck-2', new Date(t - 2000).toISOString());
    await enqueue('stuck-3', new Date(t - 1000).toISOString());
    await vi.waitFor(() => expect(smtp.held).toEqual(['通知 stuck-1']), { timeout: 10_000, interval: 50 });
    const stuckHolder = (await findLease(store.db, OUTBOX_JOB))!.holder;
    const stuckPid = holderPid(stuckHolder);
    const victim = children.find((c) => c.child.pid === stuckPid);
    expect(victim).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, (LEASE_S + 1) * 1000));
    expect(smtp.received).toEqual([]);
    expect((await findLease(store.db, OUTBOX_JOB))!.holder).toBe(stuckHolder);

    // Killed mid-send: once its lease expires another process takes the round and sends the rest.
    victim!.child.kill('SIGKILL');
    await victim!.exited;
    await vi.waitFor(() => expect(subjects()).toEqual(['通知 stuck-2', '通知 stuck-3']), {
      timeout: 15_000,
      interval: 100,
    });
    const takeover = (await findLease(store.db, OUTBOX_JOB))!.holder;
    expect(holderPid(takeover)).not.toBe(stuckPid);
    expect(children.some((c) => c.child.pid === holderPid(takeover))).toBe(true);
    // The message the dead process had taken stays taken (until its own ten-minute send lease), never sent twice.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(subjects()).toEqual(['通知 stuck-2', '通知 stuck-3']);
    const stuck = await store.db
      .selectFrom('mail_outbox')
      .select(['dedupe_key', 'status', 'attempts'])
      .where('dedupe_key', 'like', 'stuck-%')
      .orderBy('dedupe_key')
      .execute();
    expect(stuck).toEqual([
      { dedupe_key: 'stuck-1', status: 'pending', attempts: 0 },
      { dedupe_key: 'stuck-2', status: 'sent', attempts: 1 },
      { dedupe_key: 'stuck-3', status: 'sent', attempts: 1 },
    ]);

    // The others stop cleanly.
    for (const entry of children.filter((c) => c !== victim)) entry.child.kill('SIGTERM');
    expect(await Promise.all(children.filter((c) => c !== victim).map((c) => c.exited))).toEqual([0, 0, 0]);
  }, 90_000);
});

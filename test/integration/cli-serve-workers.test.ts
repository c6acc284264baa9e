/**
 * `govinfo serve --workers 4`: one primary does the start-up work once and four node:cluster
 * workers share the port. Which worker answered is read from the workers' own JSON log lines
 * (pino's `pid`, matched by the client's port), so nothing about the processes reaches a client.
 * Several processes serve PostgreSQL only; on SQLite the option is refused, and the refusals of
 * bad values run there.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/services/open-store.js';
import { DRAFT } from '../factories/item.factory.js';
import { buildUser } from '../factories/user.factory.js';
import { govinfo, govinfoWithEnv } from '../helpers/cli.js';
import { createTestDatabase, dialect, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORKERS = 4;
const LOGIN_RATE_LIMIT = 8;

if (dialect === 'sqlite')
  console.warn('govinfo serve --workers 4: PostgreSQL only (SQLite serves one process); the refusals run here.');

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** An answer, with the client's own port: the key to the worker's log line of the request. */
interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  clientPort: number;
}

/** A signed-in client: its cookies and CSRF token. */
interface Session {
  cookie: string;
  csrf: string;
}

describe.skipIf(dialect !== 'postgres' || !isDialectAvailable)('govinfo serve --workers 4 on PostgreSQL', () => {
  let database: TestDatabase;
  let port: number;
  let primary: ChildProcessWithoutNullStreams;
  let output = '';
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  const users: Record<'officer' | 'reviewer' | 'editor' | 'locked', { username: string; password: string }> =
    {} as never;

  /**
   * One request on a connection of its own (so the cluster deals each to the next worker), from
   * the client address `ip` (the server trusts X-Forwarded-For here, as behind nginx).
   */
  const send = (
    method: string,
    url: string,
    options: { body?: unknown; session?: Session; ip?: string } = {}
  ): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      let clientPort = 0;
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: url,
          agent: false,
          headers: {
            'x-forwarded-for': options.ip ?? '10.0.0.1',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(options.session
              ? {
                  cookie: options.session.cookie,
                  ...(method === 'GET' ? {} : { 'x-csrf-token': options.session.csrf }),
                }
              : {}),
          },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () =>
            resolve({ status: response.statusCode!, body: text, headers: response.headers, clientPort })
          );
        }
      );
      request.on('socket', (socket) => socket.on('connect', () => (clientPort = socket.localPort!)));
      request.on('error', reject);
      request.end(body);
    });

  /** The JSON log lines of the workers, as printed so far. */
  const logLines = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as { pid: number; msg: string; req?: { remotePort: number } }];
        } catch {
          return [];
        }
      });

  /** The worker that answered: the last one that logged a request from this client port. */
  const workerOf = async (answer: Answer): Promise<number> => {
    let pid = 0;
    await vi.waitFor(
      () => {
        const line = logLines()
          .filter((l) => l.msg === 'incoming request' && l.req?.remotePort === answer.clientPort)
          .at(-1);
        expect(line).toBeDefined();
        pid = line!.pid;
      },
      { timeout: 5000, interval: 20 }
    );
    return pid;
  };

  /** The workers listening now, by their start-up log lines, the dead ones left out. */
  const listeningWorkers = () =>
    [
      ...new Set(
        logLines()
          .filter((l) => l.msg.startsWith('Server listening'))
          .map((l) => l.pid)
      ),
    ].filter(isAlive);

  const login = async (user: { username: string; password: string }, ip = '10.0.0.1') => {
    const answer = await send('POST', '/api/auth/login', { body: user, ip });
    expect(answer.status, answer.body).toBe(200);
    const cookie = (answer.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ');
    return { session: { cookie, csrf: (JSON.parse(answer.body) as { csrfToken: string }).csrfToken }, answer };
  };

  const count = (text: string) => output.split(text).length - 1;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, 'dist/cli/main.js')))
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    database = await createTestDatabase();
    port = await freePort();
    // A new, empty database: the primary migrates it and creates the first administrator, once.
    primary = spawn(
      process.execPath,
      [path.join(ROOT, 'bin/govinfo'), '--db', database.location, 'serve', '--port', String(port), '--workers', '4'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          GOVINFO_DB: '',
          GOVINFO_ADMIN_PASSWORD: '',
          GOVINFO_LOG_LEVEL: 'info',
          GOVINFO_TRUST_PROXY: '1',
          GOVINFO_LOGIN_RATE_LIMIT: String(LOGIN_RATE_LIMIT),
        },
      }
    );
    exited = new Promise((resolve) => primary.once('exit', (code, signal) => resolve({ code, signal })));
    primary.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    primary.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await vi.waitFor(
      () => {
        if (primary.exitCode !== null) throw new Error(`govinfo serve stopped:\n${output}`);
        expect(output).toContain('政务信息报送与考核系统已启动');
      },
      { timeout: 60_000, interval: 100 }
    );

    const store = await openStore(database.location);
    try {
      // The login form's fields only: the API refuses any other.
      const account = async (...args: Parameters<typeof buildUser>) => {
        const { username, password } = await buildUser(...args);
        return { username, password };
      };
      const now = new Date();
      users.officer = await account(store.db, 'officer', '沙湾镇', now);
      users.reviewer = await account(store.db, 'reviewer', '沙湾镇', now);
      users.editor = await account(store.db, 'editor', null, now);
      users.locked = await account(store.db, 'officer', '石基镇', now);
    } finally {
      await store.close();
    }
  }, 90_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null && primary.signalCode === null) {
      primary.kill('SIGKILL');
      await exited;
    }
    // The workers stop on losing their primary; any left are killed here.
    for (const pid of listeningWorkers()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone between the look and the kill.
      }
    }
    await database?.drop();
  });

  it('prints the start-up once, naming the four workers, after all four listen; the one-time password once', () => {
    expect(count('政务信息报送与考核系统已启动')).toBe(1);
    expect(output).toMatch(/政务信息报送与考核系统已启动：http:\/\/127\.0\.0\.1:\d+（数据库 .+，4 个工作进程）/);
    expect(count('已创建系统管理员账号 admin，一次性密码：')).toBe(1);
    expect(count('此密码只显示这一次')).toBe(1);
    expect(count('邮件通知：')).toBe(1);
    const started = output.indexOf('政务信息报送与考核系统已启动');
    const listening = logLines().filter((l) => l.msg.startsWith('Server listening'));
    expect(new Set(listening.map((l) => l.pid)).size).toBe(WORKERS);
    for (const line of output.split('\n').filter((l) => l.includes('Server listening')))
      expect(output.indexOf(line)).toBeLessThan(started);
    expect(listening.map((l) => l.pid)).not.toContain(primary.pid);
  });

  it('deals the requests over the four worker processes, telling the clients nothing of them', async () => {
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await send('GET', '/api/health'));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.headers) + answer.body).not.toMatch(/pid/i);
    }
    const pids = await Promise.all(answers.map(workerOf));
    expect(new Set(pids)).toEqual(new Set(listeningWorkers()));
    expect(new Set(pids).size).toBe(WORKERS);
  });

  it('keeps a session started on one worker valid on the others', async () => {
    const { session, answer } = await login(users.officer);
    const signedInOn = await workerOf(answer);
    const answeredBy = new Set<number>();
    for (let i = 0; i < 8; i++) {
      const me = await send('GET', '/api/auth/me', { session });
      expect(me.status, me.body).toBe(200);
      expect(me.body).toContain(users.officer.username);
      answeredBy.add(await workerOf(me));
    }
    expect(answeredBy.size).toBe(WORKERS);
    expect([...answeredBy].filter((pid) => pid !== signedInOn)).toHaveLength(WORKERS - 1);
  });

  it('shows a write to the next request, answered by another worker', async () => {
    const { session } = await login(users.officer);
    for (let i = 0; i < 4; i++) {
      const created = await send('POST', '/api/items', { session, body: { ...DRAFT, title: `多进程写入${i}` } });
      expect(created.status, created.body).toBe(201);
      const { id } = JSON.parse(created.body) as { id: number };
      const read = await send('GET', `/api/items/${id}`, { session });
      expect(read.status, read.body).toBe(200);
      expect(read.body).toContain(`多进程写入${i}`);
      expect(await workerOf(read)).not.toBe(await workerOf(created));
    }
  });

  it('adopts an item once when two workers take the same version at once: one 200, one 409', async () => {
    const officer = (await login(users.officer)).session;
    const reviewer = (await login(users.reviewer)).session;
    const editor = (await login(users.editor)).session;
    const created = await send('POST', '/api/items', { session: officer, body: { ...DRAFT, title: '并发采用的稿件' } });
    const { id } = JSON.parse(created.body) as { id: number };
    const version = async () =>
      (JSON.parse((await send('GET', `/api/items/${id}`, { session: editor })).body) as { version: number }).version;
    const act = async (session: Session, action: string) => {
      const { version: current } = JSON.parse((await send('GET', `/api/items/${id}`, { session })).body) as {
        version: number;
      };
      const answer = await send('POST', `/api/items/${id}/transitions`, {
        session,
        body: { action, version: current },
      });
      expect(answer.status, answer.body).toBe(200);
    };
    await act(officer, 'submit_for_review');
    await act(reviewer, 'approve');
    const at = await version();
    const accept = () =>
      send('POST', `/api/items/${id}/accept`, {
        session: editor,
        body: { version: at, adoptions: [{ outlet: 'dynamic', date: new Date().toISOString().slice(0, 10) }] },
      });
    const both = await Promise.all([accept(), accept()]);
    expect(both.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await workerOf(both[0])).not.toBe(await workerOf(both[1]));
    const item = JSON.parse((await send('GET', `/api/items/${id}`, { session: editor })).body) as {
      status: string;
      adoptions: unknown[];
    };
    expect(item.status).toBe('adopted');
    expect(item.adoptions).toHaveLength(1);
  });

  it('counts logins against one rate limit and one lockout across the workers', async () => {
    // The limit counts per minute: start at the beginning of one, not at its end.
    if (Date.now() % 60_000 > 45_000)
      await new Promise((resolve) => setTimeout(resolve, 60_500 - (Date.now() % 60_000)));

    // Rate limit: LOGIN_RATE_LIMIT logins from one address, each on the next worker, then 429.
    const limited: Answer[] = [];
    for (let i = 0; i < LOGIN_RATE_LIMIT; i++)
      limited.push(
        await send('POST', '/api/auth/login', { ip: '10.9.9.9', body: { username: `nobody-${i}`, password: 'x' } })
      );
    expect(limited.map((answer) => answer.status)).toEqual(Array(LOGIN_RATE_LIMIT).fill(401));
    expect(new Set(await Promise.all(limited.map(workerOf))).size).toBe(WORKERS);
    const over = await send('POST', '/api/auth/login', { ip: '10.9.9.9', body: users.officer });
    expect(over.status, over.body).toBe(429);
    expect(over.body).toContain('请求过于频繁');
    // Another address is not limited.
    expect((await send('POST', '/api/auth/login', { ip: '10.9.9.10', body: users.officer })).status).toBe(200);

    // Lockout: five wrong passwords, each on the next worker, lock the account on all of them.
    const wrong: Answer[] = [];
    for (let i = 0; i < 5; i++)
      wrong.push(
        await send('POST', '/api/auth/login', {
          ip: '10.8.8.8',
          body: { username: users.locked.username, password: `wrong-${i}` },
        })
      );
    expect(wrong.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 423]);
    expect(new Set(await Promise.all(wrong.map(workerOf))).size).toBe(WORKERS);
    for (let i = 0; i < WORKERS; i++) {
      const right = await send('POST', '/api/auth/login', { ip: `10.7.7.${i}`, body: users.locked });
      expect(right.status, right.body).toBe(423);
      expect(right.body).toContain('账号已锁定');
    }
  });

  it('replaces a worker killed with SIGKILL and goes on serving the same session', async () => {
    const { session } = await login(users.officer);
    const before = listeningWorkers();
    expect(before).toHaveLength(WORKERS);
    const victim = before[0];
    process.kill(victim, 'SIGKILL');
    await vi.waitFor(
      () => expect(output).toContain(`工作进程 ${victim} 意外退出（信号 SIGKILL），正在启动新的工作进程`),
      {
        timeout: 10_000,
        interval: 50,
      }
    );
    await vi.waitFor(
      () => {
        const now = listeningWorkers();
        expect(now).toHaveLength(WORKERS);
        expect(now).not.toContain(victim);
      },
      { timeout: 30_000, interval: 100 }
    );
    const replacement = listeningWorkers().find((pid) => !before.includes(pid))!;
    const answeredBy = new Set<number>();
    for (let i = 0; i < 8; i++) {
      const me = await send('GET', '/api/auth/me', { session });
      expect(me.status, me.body).toBe(200);
      answeredBy.add(await workerOf(me));
    }
    expect(answeredBy).toContain(replacement);
    expect(answeredBy).not.toContain(victim);
    // The start-up lines are not printed again for a replacement.
    expect(count('政务信息报送与考核系统已启动')).toBe(1);
  });

  it('stops every worker gracefully on SIGTERM to the primary, which exits 0', async () => {
    const workers = listeningWorkers();
    expect(workers).toHaveLength(WORKERS);
    primary.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(workers.filter(isAlive)).toEqual([]);
    expect(count('一次性密码')).toBe(1);
    expect(output).not.toMatch(/意外退出（退出码/);
  });
});

describe.skipIf(dialect !== 'postgres' || !isDialectAvailable)('govinfo serve --workers on a port in use', () => {
  let database: TestDatabase;
  let busy: net.Server;
  beforeAll(async () => {
    database = await createTestDatabase();
    busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => busy?.close(resolve));
    await database?.drop();
  });

  it("stops the other workers and exits 1 with the failed worker's error in Chinese", async () => {
    const { port } = busy.address() as net.AddressInfo;
    // execFile returns once the primary has exited and every worker sharing its output has too.
    const result = await govinfoWithEnv(
      { GOVINFO_LOG_LEVEL: 'silent' },
      database.location,
      'serve',
      '--port',
      String(port),
      '--workers',
      '2'
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^工作进程 \\d+ 启动失败，服务未启动：端口 ${port} 已被占用（127\\.0\\.0\\.1）`)
    );
    expect(result.stdout).not.toContain('已启动');
  });
});

/** Whether a process of this id still runs. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(dialect !== 'sqlite')('govinfo serve --workers refusals', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-serve-workers-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a count that is not an integer from 1 to 64, naming the option and the value', async () => {
    const db = path.join(dir, 'refused.db');
    for (const value of ['0', 'abc', '65']) {
      const result = await govinfo(db, 'serve', '--port', String(await freePort()), '--workers', value);
      expect(result.status, value).toBe(1);
      expect(result.stderr).toBe(`--workers 的值“${value}”无效，应为 1–64 的整数\n`);
      expect(result.stdout).toBe('');
    }
    // Refused before anything is opened: no database file was created.
    expect(fs.existsSync(db)).toBe(false);
  });

  it('refuses several workers on a SQLite file, which one process serves', async () => {
    const db = path.join(dir, 'sqlite.db');
    const result = await govinfo(db, 'serve', '--port', String(await freePort()), '--workers', '2');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--workers 2 需要 PostgreSQL 数据库');
    expect(result.stdout).toBe('');
    expect(fs.existsSync(db)).toBe(false);
  });
});

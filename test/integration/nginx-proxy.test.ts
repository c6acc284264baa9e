import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/services/open-store.js';
import { DRAFT } from '../factories/item.factory.js';
import { buildUser } from '../factories/user.factory.js';
import { createTestDatabase, dialect, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

/**
 * deploy/nginx.conf as docs/deploy.md installs it, with TLS (a certificate made for the test) in
 * front of two `govinfo serve` processes on one PostgreSQL database: what the proxy must keep true.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => fs.existsSync(file));
const OPENSSL = ['/usr/bin/openssl', '/usr/local/bin/openssl'].find((file) => fs.existsSync(file));
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const missing =
  dialect !== 'postgres'
    ? 'it runs on the PostgreSQL project only'
    : !isDialectAvailable
      ? 'PostgreSQL is not reachable'
      : !NGINX
        ? 'nginx is not installed (apt-get install nginx)'
        : !OPENSSL
          ? 'openssl is not installed'
          : null;
if (missing) console.warn(`Skipping the nginx proxy test: ${missing}.`);

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Replaces one value of the deployment file, failing loudly when the file no longer has it. */
function put(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`deploy/nginx.conf no longer contains “${from}”: update this test`);
  return text.split(from).join(to);
}

describe.skipIf(missing !== null)('nginx with TLS in front of two govinfo serve processes (deploy/nginx.conf)', () => {
  let database: TestDatabase;
  let dir: string;
  let appPorts: number[];
  let httpsPort: number;
  let httpPort: number;
  let agent: https.Agent;
  let nginx: ChildProcess | undefined;
  const apps: { child: ChildProcess; output: string }[] = [];
  let officer: { username: string; password: string };
  let cookie = '';
  let csrf = '';

  const send = (
    method: string,
    url: string,
    options: { headers?: Record<string, string>; body?: Buffer | string; port?: number; plain?: boolean } = {}
  ): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const requestOptions = {
        host: '127.0.0.1',
        port: options.port ?? (options.plain ? httpPort : httpsPort),
        method,
        path: url,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(options.body !== undefined ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}),
          ...options.headers,
        },
      };
      const onAnswer = (response: http.IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString() })
        );
      };
      const request = options.plain
        ? http.request(requestOptions, onAnswer)
        : https.request({ ...requestOptions, agent }, onAnswer);
      request.on('error', reject);
      request.end(options.body);
    });

  const startApp = (port: number) => {
    const app = {
      child: spawn(
        process.execPath,
        [path.join(ROOT, 'bin/govinfo'), '--db', database.location, 'serve', '--port', String(port)],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            GOVINFO_DB: '',
            GOVINFO_TRUST_PROXY: '1',
            GOVINFO_SECURE_COOKIES: 'auto',
            GOVINFO_LOG_LEVEL: 'silent',
            GOVINFO_ADMIN_PASSWORD: 'Guan-Li#2026ok',
          },
        }
      ),
      output: '',
    };
    app.child.stdout!.on('data', (chunk: Buffer) => (app.output += chunk.toString()));
    app.child.stderr!.on('data', (chunk: Buffer) => (app.output += chunk.toString()));
    apps.push(app);
    return app;
  };

  const stopApp = async (app: { child: ChildProcess }) => {
    if (app.child.exitCode !== null || app.child.signalCode !== null) return;
    const exited = new Promise((resolve) => app.child.once('exit', resolve));
    app.child.kill('SIGTERM');
    await exited;
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, 'dist/cli/main.js')))
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-nginx-'));
    appPorts = [await freePort(), await freePort()];
    httpsPort = await freePort();
    httpPort = await freePort();

    // A certificate for 127.0.0.1, made for this run; the client trusts exactly it.
    execFileSync(
      OPENSSL!,
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'privkey.pem'),
        '-out',
        path.join(dir, 'fullchain.pem'),
      ],
      { stdio: 'ignore' }
    );
    agent = new https.Agent({ ca: fs.readFileSync(path.join(dir, 'fullchain.pem')), keepAlive: false });

    // Both processes start at once on the new, empty database: migrating it is serialized by a lock.
    const started = appPorts.map(startApp);
    await vi.waitFor(
      () => {
        for (const app of started) {
          if (app.child.exitCode !== null) throw new Error(`govinfo serve stopped:\n${app.output}`);
          expect(app.output).toContain('政务信息报送与考核系统已启动');
        }
      },
      { timeout: 45_000, interval: 100 }
    );

    const store = await openStore(database.location);
    try {
      officer = await buildUser(store.db, 'officer', '沙湾镇', new Date());
    } finally {
      await store.close();
    }

    // The deployment file, with this run's ports and certificate, inside a minimal main configuration
    // that keeps every path nginx writes in the temporary directory.
    let site = fs.readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8');
    site = put(site, 'listen 443 ssl', `listen 127.0.0.1:${httpsPort} ssl`);
    site = put(site, 'listen 80;', `listen 127.0.0.1:${httpPort};`);
    site = put(site, '127.0.0.1:3001', `127.0.0.1:${appPorts[0]}`);
    site = put(site, '127.0.0.1:3002', `127.0.0.1:${appPorts[1]}`);
    site = put(site, '/etc/govinfo/tls/', `${dir}/`);
    fs.writeFileSync(path.join(dir, 'govinfo.conf'), site);
    const temp = (name: string) => path.join(dir, 'temp', name);
    for (const name of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(temp(name), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        // As root, nginx's workers would run as nobody and could not enter the private temporary directory.
        process.getuid?.() === 0 ? 'user root;' : '',
        'daemon off;',
        'worker_processes 1;',
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/error.log warn;`,
        'events { worker_connections 64; }',
        'http {',
        `  client_body_temp_path ${temp('body')};`,
        `  proxy_temp_path ${temp('proxy')};`,
        `  fastcgi_temp_path ${temp('fastcgi')};`,
        `  uwsgi_temp_path ${temp('uwsgi')};`,
        `  scgi_temp_path ${temp('scgi')};`,
        "  log_format upstreams '$request $status $upstream_addr';",
        `  access_log ${dir}/access.log upstreams;`,
        `  include ${dir}/govinfo.conf;`,
        '}',
        '',
      ].join('\n')
    );
    let nginxOutput = '';
    nginx = spawn(NGINX!, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')]);
    nginx.stdout!.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString()));
    nginx.stderr!.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString()));
    await vi.waitFor(
      async () => {
        if (nginx!.exitCode !== null) throw new Error(`nginx stopped:\n${nginxOutput}`);
        expect((await send('GET', '/api/health')).status).toBe(200);
      },
      { timeout: 15_000, interval: 100 }
    );
  }, 90_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    }
    for (const app of apps) await stopApp(app);
    agent?.destroy();
    await database?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const answer = await send('GET', '/api/health?x=1', { plain: true, headers: { host: '127.0.0.1' } });
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe('https://127.0.0.1/api/health?x=1');
  });

  it('speaks HTTP/2 over TLS', async () => {
    const session = http2.connect(`https://127.0.0.1:${httpsPort}`, {
      ca: fs.readFileSync(path.join(dir, 'fullchain.pem')),
    });
    try {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const stream = session.request({ ':path': '/api/health' });
        let status = 0;
        let body = '';
        stream.on('response', (headers) => (status = Number(headers[':status'])));
        stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
        stream.on('end', () => resolve({ status, body }));
        stream.on('error', reject);
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ status: 'ok', database: 'reachable' });
    } finally {
      session.close();
    }
  });

  it('signs in over HTTPS with a Secure session cookie, and one HSTS header', async () => {
    const answer = await send('POST', '/api/auth/login', {
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '6.6.6.6' },
      body: JSON.stringify({ username: officer.username, password: officer.password }),
    });
    expect(answer.status, answer.body).toBe(200);
    const setCookies = answer.headers['set-cookie'] ?? [];
    const session = setCookies.find((line) => line.startsWith('govinfo_session='));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    for (const line of setCookies) expect(line).toMatch(/;\s*Secure/i);
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    cookie = setCookies.map((line) => line.split(';')[0]).join('; ');
    csrf = (JSON.parse(answer.body) as { csrfToken: string }).csrfToken;
  });

  it('keeps the session on both processes: requests go round-robin and both answer', async () => {
    for (let i = 0; i < 6; i++) {
      const me = await send('GET', '/api/auth/me');
      expect(me.status, me.body).toBe(200);
      expect(me.body).toContain(officer.username);
    }
    const log = fs.readFileSync(path.join(dir, 'access.log'), 'utf8');
    const answered = log.split('\n').filter((line) => line.startsWith('GET /api/auth/me') && line.includes(' 200 '));
    for (const port of appPorts) expect(answered.some((line) => line.endsWith(`127.0.0.1:${port}`))).toBe(true);
  });

  it('writes the address nginx saw into the audit log, never one the client forged in X-Forwarded-For', async () => {
    const forged = await send('GET', '/api/auth/me', { headers: { 'x-forwarded-for': '6.6.6.6, 7.7.7.7' } });
    expect(forged.status).toBe(200);
    // A denied request is audited with its address too.
    const denied = await send('GET', '/api/accounts', { headers: { 'x-forwarded-for': '6.6.6.6' } });
    expect(denied.status).toBe(403);
    const store = await openStore(database.location);
    try {
      const entries = await store.db.selectFrom('audit_log').select(['actor', 'action', 'ip', 'outcome']).execute();
      const logins = entries.filter((entry) => entry.action === 'login' && entry.actor === officer.username);
      expect(logins).toHaveLength(1);
      expect(logins[0]).toMatchObject({ ip: '127.0.0.1' });
      const mine = entries.filter((entry) => entry.actor === officer.username);
      expect(mine.length).toBeGreaterThan(1);
      for (const entry of mine) expect(entry.ip).toBe('127.0.0.1');
      expect(entries.filter((entry) => /[67]\.[67]\.[67]\.[67]/.test(entry.ip))).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('passes an attachment at the size limit; the app refuses one byte more; nginx refuses what exceeds client_max_body_size', async () => {
    const created = await send('POST', '/api/items', {
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(DRAFT),
    });
    expect(created.status, created.body).toBe(201);
    const itemId = (JSON.parse(created.body) as { id: number }).id;
    const upload = (size: number) => {
      const pdf = Buffer.alloc(size, 0x20);
      pdf.write('%PDF-1.4\n');
      const boundary = '----govinfo-nginx';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="防汛.pdf"\r\nContent-Type: application/pdf\r\n\r\n`
        ),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return send('POST', `/api/items/${itemId}/attachments`, {
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-csrf-token': csrf },
        body,
      });
    };
    const atLimit = await upload(MAX_ATTACHMENT_BYTES);
    expect(atLimit.status, atLimit.body).toBe(201);
    const over = await upload(MAX_ATTACHMENT_BYTES + 1);
    expect(over.status).toBe(400);
    expect(over.body).toContain('附件不能超过 20 MB');

    // Beyond client_max_body_size (160m) nginx answers 413 from the Content-Length alone.
    const tooLarge = await new Promise<Answer>((resolve, reject) => {
      const request = https.request(
        {
          host: '127.0.0.1',
          port: httpsPort,
          method: 'POST',
          path: '/api/imports',
          agent,
          headers: { cookie, 'x-csrf-token': csrf, 'content-length': String(161 * 1024 * 1024) },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => {
            request.destroy();
            resolve({ status: response.statusCode!, headers: response.headers, body });
          });
        }
      );
      request.on('error', reject);
      request.write('--x\r\n');
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.server).toMatch(/^nginx/);
    expect(tooLarge.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('app processes listen on 127.0.0.1 only: no other address of the machine reaches them', async () => {
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal && address.family === 'IPv4')
      .map((address) => address!.address);
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect({ host: address, port: appPorts[0] }, () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).toBe('ECONNREFUSED');
    }
    const direct = await send('GET', '/api/health', { port: appPorts[0], plain: true });
    expect(direct.status).toBe(200);
  });

  it('goes on serving the signed-in session when one process stops', async () => {
    await stopApp(apps[0]);
    for (let i = 0; i < 4; i++) {
      const me = await send('GET', '/api/auth/me');
      expect(me.status, me.body).toBe(200);
    }
  });
});

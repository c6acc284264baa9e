/**
 * Issue 10, finding 3: whoever can write the database file could rebuild the audit chain (drop the
 * append-only trigger, change an entry, recompute every later SM3 hash) or cut its tail and rewind
 * `audit_head`, and `govinfo audit verify` still passed. The chain is now HMAC-SM3 under a key kept
 * outside the database, and a signed anchor kept by the office catches the cut tail.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { AuditLogRow } from '../../src/db/tables/audit.table.js';
import { serverKey } from '../../src/security/server-key.js';
import { appendAudit } from '../../src/services/audit/append-audit.js';
import { auditHashInput } from '../../src/services/audit/audit-hash.js';
import { verifyAudit } from '../../src/services/audit/verify-audit.js';
import { openStore, StoreUnavailableError } from '../../src/services/open-store.js';
import { govinfo } from '../helpers/cli.js';
import { createTestStore, dialect, isDialectAvailable } from '../helpers/test-store.js';

type Db = Kysely<Database>;
type Rehash = (entry: Omit<AuditLogRow, 'hash'>) => string;

/** What an attacker without the key can compute: plain SM3, or HMAC-SM3 under a key of their own. */
const plainSm3: Rehash = (entry) => createHash('sm3').update(auditHashInput(entry)).digest('hex');
const wrongKey = randomBytes(32);
const hmacUnderWrongKey: Rehash = (entry) => createHmac('sm3', wrongKey).update(auditHashInput(entry)).digest('hex');

const ACTOR = { id: null, username: 'tester', ip: '127.0.0.1' };

async function appendEntries(db: Db, count: number): Promise<void> {
  for (let i = 0; i < count; i++)
    await appendAudit(db, ACTOR, { action: 'login', outcome: 'failed', after: { attempt: i } }, new Date());
}

/** The attacker's first step: the table refuses updates and deletes until its triggers go. */
async function liftAppendOnlyGuard(db: Db): Promise<void> {
  if (dialect === 'postgres') await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
  else {
    await sql`drop trigger audit_log_no_update`.execute(db);
    await sql`drop trigger audit_log_no_delete`.execute(db);
  }
}

/** Changes entry `id` and recomputes the chain from it to the head, as an attacker would. */
async function rewriteEntry(db: Db, id: number, rehash: Rehash): Promise<void> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  let previousHash = rows.find((row) => row.id === id - 1)?.hash ?? '0'.repeat(64);
  for (const row of rows.filter((r) => r.id >= id)) {
    const { hash: _old, ...entry } = {
      ...row,
      prev_hash: previousHash,
      actor: row.id === id ? 'someone-else' : row.actor,
    };
    const hash = rehash(entry);
    await db
      .updateTable('audit_log')
      .set({ actor: entry.actor, prev_hash: previousHash, hash })
      .where('id', '=', row.id)
      .execute();
    previousHash = hash;
  }
  await db.updateTable('audit_head').set({ last_hash: previousHash }).where('id', '=', 1).execute();
}

/** Deletes the entries after `keep` and points the head at entry `keep`: no hash to recompute. */
async function cutTail(db: Db, keep: number): Promise<void> {
  await db.deleteFrom('audit_log').where('id', '>', keep).execute();
  const last = await db.selectFrom('audit_log').select('hash').where('id', '=', keep).executeTakeFirstOrThrow();
  await db.updateTable('audit_head').set({ last_id: keep, last_hash: last.hash }).where('id', '=', 1).execute();
}

/**
 * Turns a fresh database into one written by the version before the key, as the keyed-chain migration
 * leaves it: no key mark, and `count` entries chained with plain SM3.
 */
async function makeLegacyDatabase(db: Db, count: number): Promise<void> {
  // What the keyed-chain migration leaves on a database that already had entries: no key mark yet.
  // (Undoing the migration itself is not possible once later migrations have run.)
  await sql`update audit_head set keyed_from = null`.execute(db);
  let previousHash = '0'.repeat(64);
  for (let id = 1; id <= count; id++) {
    const entry = {
      id,
      at: `2025-0${1 + (id % 9)}-01T02:00:00.000Z`,
      actor_id: null,
      actor: 'officer',
      ip: '10.0.0.1',
      action: 'login',
      object_type: null,
      object_id: null,
      outcome: 'ok',
      before: null,
      after: null,
      prev_hash: previousHash,
    };
    previousHash = plainSm3(entry);
    await db
      .insertInto('audit_log')
      .values({ ...entry, hash: previousHash })
      .execute();
  }
  await sql`update audit_head set last_id = ${count}, last_hash = ${previousHash} where id = 1`.execute(db);
}

describe.skipIf(!isDialectAvailable)('the audit chain is keyed with the server key (issue 10, finding 3)', () => {
  let keyDir: string;
  let t: Awaited<ReturnType<typeof createTestStore>>;

  beforeAll(() => {
    keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-key-'));
    // Inherited by the command-line runs: every process of this file uses the same temporary key.
    vi.stubEnv('GOVINFO_KEY_FILE', path.join(keyDir, 'govinfo.key'));
    serverKey();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    fs.rmSync(keyDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    t = await createTestStore();
  });
  afterEach(async () => t?.cleanup());

  it('refuses a chain rebuilt with plain SM3 or with HMAC under another key after an entry was changed', async () => {
    await appendEntries(t.store.db, 12);
    expect(await verifyAudit(t.store.db)).toEqual({ ok: true, entries: 12 });
    await liftAppendOnlyGuard(t.store.db);

    await rewriteEntry(t.store.db, 7, plainSm3);
    expect(await verifyAudit(t.store.db)).toMatchObject({ ok: false, brokenAt: 7 });
    const cli = await govinfo(t.store.location, 'audit', 'verify');
    expect(cli.status).toBe(1);
    expect(cli.stderr).toBe(
      '审计日志已被篡改：第 7 条记录的内容被改动（HMAC-SM3 校验值不符）（第 7 条起的链接不可信）\n'
    );

    await rewriteEntry(t.store.db, 7, hmacUnderWrongKey);
    expect(await verifyAudit(t.store.db)).toMatchObject({ ok: false, brokenAt: 7 });
    expect((await govinfo(t.store.location, 'audit', 'verify')).status).toBe(1);

    // The same rewrite with the real key passes: the key, not the database, is what protects the chain.
    const realKey = serverKey().auditKey;
    await rewriteEntry(t.store.db, 7, (entry) =>
      createHmac('sm3', realKey).update(auditHashInput(entry)).digest('hex')
    );
    expect(await verifyAudit(t.store.db)).toEqual({ ok: true, entries: 12 });
  });

  it('finds a cut tail with a rewound head only against an anchor taken before', async () => {
    await appendEntries(t.store.db, 10);
    const anchorFile = path.join(t.database.dir, 'anchor.json');
    const taken = await govinfo(t.store.location, 'audit', 'anchor', '--out', anchorFile);
    expect(taken.status).toBe(0);
    expect(taken.stdout).toMatch(/^已将审计日志锚点写入 .*anchor\.json：共 10 条记录/);
    expect(JSON.parse(fs.readFileSync(anchorFile, 'utf8'))).toMatchObject({
      format: 'govinfo-audit-anchor',
      entries: 10,
      lastId: 10,
      lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    // Entries added after the anchor are fine: it vouches for what came before it.
    await appendEntries(t.store.db, 3);
    const later = await govinfo(t.store.location, 'audit', 'verify', '--anchor', anchorFile);
    expect(later.status).toBe(0);
    expect(later.stdout).toMatch(
      /^审计日志完整：共 13 条记录，HMAC-SM3 哈希链校验通过\n与锚点（.+）一致：锚点记录的第 10 条/
    );

    await liftAppendOnlyGuard(t.store.db);
    await cutTail(t.store.db, 6);
    // Without an anchor a cut tail with a rewound head looks like a shorter log: nothing inside the database tells.
    const blind = await govinfo(t.store.location, 'audit', 'verify');
    expect(blind.status).toBe(0);
    expect(blind.stdout).toBe('审计日志完整：共 6 条记录，HMAC-SM3 哈希链校验通过\n');
    const anchored = await govinfo(t.store.location, 'audit', 'verify', '--anchor', anchorFile);
    expect(anchored.status).toBe(1);
    expect(anchored.stdout).toBe('');
    expect(anchored.stderr).toMatch(
      /^审计日志与锚点（.+ \+08:00）不符：锚点记录的第 10 条已不在日志中：日志末尾的记录被删除\n$/
    );
    const json = await govinfo(t.store.location, 'audit', 'verify', '--anchor', anchorFile, '--json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, entries: 6, anchor: { ok: false } });
  });

  it('refuses an entry rewritten before the anchor, and signs no anchor for a broken chain', async () => {
    await appendEntries(t.store.db, 8);
    const anchorFile = path.join(t.database.dir, 'anchor.json');
    fs.writeFileSync(anchorFile, (await govinfo(t.store.location, 'audit', 'anchor')).stdout);
    await liftAppendOnlyGuard(t.store.db);
    await rewriteEntry(t.store.db, 3, plainSm3);
    const result = await govinfo(t.store.location, 'audit', 'verify', '--anchor', anchorFile);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^审计日志已被篡改：第 3 条记录的内容被改动/);
    // A broken chain gets no anchor.
    const refused = await govinfo(t.store.location, 'audit', 'anchor');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^审计日志校验未通过，不能为被篡改的日志签发锚点：第 3 条/);
  });

  it('refuses a tampered anchor, one signed under another key, and a file that is no anchor', async () => {
    await appendEntries(t.store.db, 5);
    const anchorFile = path.join(t.database.dir, 'anchor.json');
    expect((await govinfo(t.store.location, 'audit', 'anchor', '--out', anchorFile)).status).toBe(0);
    const anchor = JSON.parse(fs.readFileSync(anchorFile, 'utf8'));

    const edited = path.join(t.database.dir, 'edited.json');
    fs.writeFileSync(edited, JSON.stringify({ ...anchor, entries: 3, lastId: 3 }));
    const refused = await govinfo(t.store.location, 'audit', 'verify', '--anchor', edited);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`锚点文件 ${edited} 无效：签名不符：文件被改动过，或不是用本系统的密钥文件签发的\n`);

    const foreign = path.join(t.database.dir, 'foreign.json');
    const unsigned = [anchor.format, anchor.version, anchor.entries, anchor.lastId, anchor.lastHash, anchor.at];
    const signature = createHmac('sm3', wrongKey).update(JSON.stringify(unsigned)).digest('hex');
    fs.writeFileSync(foreign, JSON.stringify({ ...anchor, signature }));
    expect((await govinfo(t.store.location, 'audit', 'verify', '--anchor', foreign)).stderr).toMatch(/签名不符/);

    const notAnchor = path.join(t.database.dir, 'scores.json');
    fs.writeFileSync(notAnchor, '{"year": 2012}');
    const wrongFile = await govinfo(t.store.location, 'audit', 'verify', '--anchor', notAnchor);
    expect(wrongFile.status).toBe(1);
    expect(wrongFile.stderr).toMatch(/不是本系统签发的审计日志锚点/);

    const missing = await govinfo(
      t.store.location,
      'audit',
      'verify',
      '--anchor',
      path.join(t.database.dir, 'no.json')
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^无法读取锚点文件 .*no\.json（ENOENT）\n/);

    // An existing file is never overwritten by a new anchor.
    const again = await govinfo(t.store.location, 'audit', 'anchor', '--out', anchorFile);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/已存在：锚点不覆盖已有文件/);
  });

  it('seals the plain SM3 chain of an earlier version on opening, and keys every later entry', async () => {
    await makeLegacyDatabase(t.store.db, 20);
    await t.store.close();
    const reopened = await openStore(t.database.location);
    t.store = reopened;
    const seal = await reopened.db.selectFrom('audit_log').selectAll().where('id', '=', 21).executeTakeFirstOrThrow();
    expect(seal).toMatchObject({ action: 'seal_audit_chain', actor: 'system', object_type: 'audit_log' });
    expect(JSON.parse(seal.after ?? '')).toMatchObject({ legacyEntries: 20, intact: true });
    expect(await reopened.db.selectFrom('audit_head').select('keyed_from').executeTakeFirst()).toEqual({
      keyed_from: 21,
    });
    await appendEntries(reopened.db, 2);
    expect(await verifyAudit(reopened.db)).toEqual({ ok: true, entries: 23, legacyEntries: 20 });
    const cli = await govinfo(t.database.location, 'audit', 'verify');
    expect(cli.stdout).toBe(
      '审计日志完整：共 23 条记录，HMAC-SM3 哈希链校验通过（其中前 20 条是启用密钥前的 SM3 记录，已由其后第一条密钥记录封存）\n'
    );
    expect(cli.stderr).toBe('');

    // The old entries can no longer be rewritten: the keyed seal covers their last hash.
    await liftAppendOnlyGuard(reopened.db);
    await rewriteEntry(reopened.db, 5, plainSm3);
    expect(await verifyAudit(reopened.db)).toMatchObject({ ok: false, brokenAt: 21 });
  });

  it('reports the seal once on the command line, and a chain already broken stays broken after it', async () => {
    await makeLegacyDatabase(t.store.db, 6);
    await liftAppendOnlyGuard(t.store.db);
    await t.store.db.deleteFrom('audit_log').where('id', '=', 2).execute();
    await t.store.close();
    const first = await govinfo(t.database.location, 'audit', 'verify');
    expect(first.status).toBe(1);
    expect(first.stderr).toBe(
      '审计日志已被篡改：第 2 条记录缺失（其后是第 3 条）（第 2 条起的链接不可信）\n' +
        '审计日志已启用密钥保护：此前的 6 条 SM3 记录由第 7 条记录（HMAC-SM3）封存，此后只接受密钥校验\n' +
        '注意：封存前的日志已不完整（第 2 条记录缺失（其后是第 3 条）），封存不会掩盖这一点，校验仍会报告\n'
    );
    const second = await govinfo(t.database.location, 'audit', 'verify');
    expect(second.stderr).toBe('审计日志已被篡改：第 2 条记录缺失（其后是第 3 条）（第 2 条起的链接不可信）\n');
    t.store = await openStore(t.database.location);
  });

  it('seals once when several processes open the same old database together', async () => {
    await makeLegacyDatabase(t.store.db, 4);
    await t.store.close();
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => govinfo(t.database.location, 'audit', 'verify', '--json'))
    );
    expect(runs.map((run) => run.status)).toEqual([0, 0, 0, 0]);
    t.store = await openStore(t.database.location);
    const seals = await t.store.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'seal_audit_chain')
      .execute();
    expect(seals).toEqual([{ id: 5 }]);
    expect(await verifyAudit(t.store.db)).toEqual({ ok: true, entries: 5, legacyEntries: 4 });
  });

  it('does not legitimise a keyed chain whose marker was reset to "not yet keyed"', async () => {
    await appendEntries(t.store.db, 6);
    await t.store.db.updateTable('audit_head').set({ keyed_from: null }).where('id', '=', 1).execute();
    await t.store.close();
    t.store = await openStore(t.database.location);
    // Sealing happened, but the six keyed entries are now checked as plain SM3, and fail.
    expect(await verifyAudit(t.store.db)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('refuses to open a keyed chain when its key file is missing, instead of making a new key', async () => {
    await appendEntries(t.store.db, 2);
    const keyFile = process.env.GOVINFO_KEY_FILE!;
    const moved = `${keyFile}.moved`;
    fs.renameSync(keyFile, moved);
    try {
      await expect(openStore(t.database.location)).rejects.toThrow(StoreUnavailableError);
      const cli = await govinfo(t.store.location, 'audit', 'verify');
      expect(cli.status).toBe(1);
      expect(cli.stderr).toMatch(/的审计日志已用密钥保护，但密钥文件 .*govinfo\.key 不存在：请从备份恢复密钥文件/);
      expect(fs.existsSync(keyFile)).toBe(false);
    } finally {
      fs.renameSync(moved, keyFile);
    }
  });
});

const ROOT = path.resolve(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);

/** Runs `govinfo serve` until it says it has started, then stops it; returns what it printed. */
async function serveOnce(db: string, keyFile: string): Promise<string> {
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/govinfo'), '--db', db, 'serve', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, GOVINFO_DB: '', GOVINFO_KEY_FILE: keyFile, GOVINFO_LOG_LEVEL: 'silent' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await vi.waitFor(() => expect(output).toMatch(/政务信息报送与考核系统已启动/), { timeout: 30_000, interval: 100 });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return output;
}

describe.skipIf(dialect !== 'sqlite')('the server key file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-key-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is announced by `govinfo serve` once, when it creates the file, with mode 0600', async () => {
    const keyFile = path.join(dir, 'keys', 'govinfo.key');
    const db = path.join(dir, 'serve.db');
    const first = await serveOnce(db, keyFile);
    expect(first.split(keyFile).length - 1).toBe(1);
    expect(first).toContain(
      `已创建服务器密钥文件 ${keyFile}（审计日志的密钥即在其中）。请妥善保管，并与数据库分开备份`
    );
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const second = await serveOnce(db, keyFile);
    expect(second).not.toContain(keyFile);

    fs.chmodSync(keyFile, 0o644);
    const exposed = await serveOnce(db, keyFile);
    expect(exposed).toContain(`警告：密钥文件 ${keyFile} 可被其他用户读取，请执行 chmod 600 ${keyFile}`);
  });

  it('is created once when several processes start together: one key, and every process reads it whole', async () => {
    const keyFile = path.join(dir, 'govinfo.key');
    const moduleUrl = pathToFileURL(path.join(ROOT, 'dist/security/server-key.js')).href;
    const script = `const { serverKey } = await import(${JSON.stringify(moduleUrl)});
      const key = serverKey();
      console.log(JSON.stringify({ created: key.created, key: key.auditKey.toString('hex') }));`;
    const runs = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script], {
          env: { ...process.env, GOVINFO_KEY_FILE: keyFile },
        });
        return JSON.parse(stdout) as { created: boolean; key: string };
      })
    );
    expect(runs.filter((run) => run.created)).toHaveLength(1);
    expect(new Set(runs.map((run) => run.key)).size).toBe(1);
    expect(fs.readdirSync(dir)).toEqual(['govinfo.key']);
  });
});

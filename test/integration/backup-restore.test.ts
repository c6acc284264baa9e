import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/db/connect.js';
import { dropDatabase, withDatabaseName } from '../../src/db/pg-databases.js';
import { BackupError } from '../../src/services/backup/backup-error.js';
import { manifestPathOf, type BackupManifest } from '../../src/services/backup/backup-manifest.js';
import { createBackup } from '../../src/services/backup/create-backup.js';
import { restoreBackup } from '../../src/services/backup/restore-backup.js';
import { digestTables } from '../../src/services/backup/table-digest.js';
import { verifyBackup } from '../../src/services/backup/verify-backup.js';
import { DRAFT } from '../factories/item.factory.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { dialect, isDialectAvailable } from '../helpers/test-store.js';

/** A small PNG-looking file: the PNG signature, then random bytes (every byte value occurs). */
function pngBytes(): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(3000)]);
}

function uploadAttachment(client: ApiClient, itemId: number, name: string, data: Buffer) {
  const boundary = '----govinfo-backup-test';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(name)}"\r\nContent-Type: image/png\r\n\r\n`
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', `/api/items/${itemId}/attachments`, payload, {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe.skipIf(!isDialectAvailable)(`backup, restore and the restore drill (${dialect})`, () => {
  let t: TestApp;
  let officer: ApiClient;
  let reviewer: ApiClient;
  let editor: ApiClient;
  let location: string;
  let dir: string;
  let backupFile: string;
  let manifest: BackupManifest;
  /** sha256 of every attachment the server acknowledged, by id. */
  const uploaded = new Map<number, string>();
  const scratchDatabases: string[] = [];

  /** One round of work as the offices do it: a draft in Chinese with an attachment, submitted, received and adopted. */
  async function writeOnce(n: number): Promise<void> {
    const created = await officer.post('/api/items', {
      ...DRAFT,
      title: `沙湾镇防汛工作第${n}报`,
      body: `第${n}次报送：排查隐患点，转移群众。`,
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: number }>();
    const data = pngBytes();
    const attached = await uploadAttachment(officer, id, `现场照片${n}.png`, data);
    expect(attached.statusCode).toBe(201);
    uploaded.set(attached.json<{ id: number }>().id, sha256(data));
    if (n % 2 === 0) {
      expect((await officer.transition(id, 'submit_for_review')).statusCode).toBe(200);
      expect((await reviewer.transition(id, 'approve')).statusCode).toBe(200);
      expect((await editor.transition(id, 'receive')).statusCode).toBe(200);
      expect(
        (await editor.post(`/api/items/${id}/adoptions`, { outlet: 'dynamic', date: '2026-03-05' })).statusCode
      ).toBe(201);
    }
  }

  beforeAll(async () => {
    t = await createTestApp({ costlyRateLimit: 1_000_000 });
    officer = await signInNewUser(t, 'officer', '沙湾镇');
    reviewer = await signInNewUser(t, 'reviewer', '沙湾镇');
    editor = await signInNewUser(t, 'editor');
    location = t.store.location;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-backup-test-'));
    backupFile = path.join(dir, dialect === 'sqlite' ? '备份.db' : '备份.dump');
    for (let n = 1; n <= 6; n++) await writeOnce(n);

    // The backup is taken while writes keep arriving; it must be one consistent moment of them.
    let writing = true;
    let written = 6;
    const writer = (async () => {
      while (writing) await writeOnce(++written);
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    manifest = await createBackup(location, backupFile);
    const atBackup = written;
    while (written < atBackup + 3) await new Promise((resolve) => setTimeout(resolve, 20));
    writing = false;
    await writer;
  });

  afterAll(async () => {
    for (const scratch of scratchDatabases) await dropDatabase(scratch).catch(() => undefined);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await t?.cleanup();
  });

  function emptyTarget(name: string): string {
    if (dialect === 'sqlite') return path.join(dir, `${name}.db`);
    const target = withDatabaseName(location, `${new URL(location).pathname.slice(1)}_${name}`);
    scratchDatabases.push(target);
    return target;
  }

  it('writes the backup and its manifest, refusing to overwrite either', async () => {
    expect(fs.existsSync(backupFile)).toBe(true);
    expect(fs.existsSync(manifestPathOf(backupFile))).toBe(true);
    const rows = (table: string) => manifest.tables.find((d) => d.table === table)?.rows ?? 0;
    expect(rows('items')).toBeGreaterThanOrEqual(6);
    expect(rows('attachments')).toBeGreaterThanOrEqual(6);
    expect(rows('bookings')).toBeGreaterThanOrEqual(3);
    expect(manifest.auditEntries).toBeGreaterThan(0);
    await expect(createBackup(location, backupFile)).rejects.toThrow(/备份文件已存在/);
  });

  it('restores into an empty target: every table as backed up, attachments byte for byte', async () => {
    const target = emptyTarget('restored');
    await restoreBackup(backupFile, target);
    const restored = connect(target);
    try {
      expect(await digestTables(restored.db)).toEqual(manifest.tables);
      const attachments = await restored.db.selectFrom('attachments').select(['id', 'content']).execute();
      expect(attachments.length).toBeGreaterThanOrEqual(6);
      for (const attachment of attachments) expect(sha256(attachment.content)).toBe(uploaded.get(attachment.id));
      const titles = await restored.db.selectFrom('items').select('title').orderBy('id').execute();
      expect(titles[0].title).toBe('沙湾镇防汛工作第1报（政务信息）');
    } finally {
      await restored.close();
    }
  });

  it('passes the restore drill: counts and hashes as in the manifest, audit chain and bookings intact', async () => {
    const report = await verifyBackup(backupFile, location);
    expect(report.problems).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.tables.every((table) => table.matches)).toBe(true);
    expect(report.auditEntries).toBe(manifest.auditEntries);
  });

  it('refuses a target that holds tables, and leaves it unchanged', async () => {
    const before = await digestTables(t.store.db);
    await expect(restoreBackup(backupFile, location)).rejects.toThrow(BackupError);
    await expect(restoreBackup(backupFile, location)).rejects.toThrow(/目标数据库不是空的/);
    expect(await digestTables(t.store.db)).toEqual(before);
  });

  it('fails the drill on a damaged backup, and a real restore refuses it', async () => {
    const damaged = path.join(dir, dialect === 'sqlite' ? '损坏.db' : '损坏.dump');
    const bytes = fs.readFileSync(backupFile);
    // Overwrite bytes in the middle of the file, where table data lives.
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 64);
    fs.writeFileSync(damaged, bytes);
    fs.copyFileSync(manifestPathOf(backupFile), manifestPathOf(damaged));
    const report = await verifyBackup(damaged, location);
    expect(report.passed).toBe(false);
    expect(report.fileChecksumMatches).toBe(false);
    await expect(restoreBackup(damaged, emptyTarget('damaged'))).rejects.toThrow(/可能已损坏/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { connect, dialectOf } from '../../db/connect.js';
import type { Db } from '../../db/database.js';
import { pgDump, PgToolError, requireToolFor } from '../../db/pg-dump.js';
import { exportPostgresSnapshot, postgresServerMajor } from '../../db/repositories/table-content.repository.js';
import { copySqliteOnline, openSqliteReadOnly } from '../../db/sqlite-file.js';
import { BackupError } from './backup-error.js';
import { manifestPathOf, sha256OfFile, writeManifest, type BackupManifest } from './backup-manifest.js';
import { digestTables, type TableDigest } from './table-digest.js';

/**
 * 备份: copies the database at one consistent moment while the server goes on writing, and
 * writes its manifest beside it. SQLite: the online backup API; PostgreSQL: `pg_dump -Fc`
 * reading the snapshot the manifest is computed from. The backup is written under a
 * temporary name and renamed last, so a file named `out` is always a finished backup.
 * An existing `out` is never overwritten: a backup the office keeps is worth more than a
 * mistyped name.
 */
export async function createBackup(location: string, out: string, now = new Date()): Promise<BackupManifest> {
  const target = path.resolve(out);
  if (fs.existsSync(target) || fs.existsSync(manifestPathOf(target)))
    throw new BackupError(`备份文件已存在：${target}（不会覆盖已有备份，请换一个文件名）`);
  if (!fs.existsSync(path.dirname(target))) throw new BackupError(`备份文件所在的目录不存在：${path.dirname(target)}`);
  const partial = `${target}.partial-${process.pid}`;
  try {
    const { source, tables } =
      dialectOf(location) === 'postgres' ? await dumpPostgres(location, partial) : await copySqlite(location, partial);
    const manifest: BackupManifest = {
      format: 'govinfo-backup/1',
      dialect: dialectOf(location),
      createdAt: now.toISOString(),
      source,
      file: { bytes: fs.statSync(partial).size, sha256: sha256OfFile(partial) },
      tables,
      auditEntries: tables.find((t) => t.table === 'audit_log')?.rows ?? 0,
    };
    writeManifest(target, manifest);
    fs.renameSync(partial, target);
    return manifest;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

async function copySqlite(location: string, partial: string): Promise<{ source: string; tables: TableDigest[] }> {
  const source = path.resolve(location);
  if (!fs.existsSync(source)) throw new BackupError(`数据库文件不存在：${source}`);
  await copySqliteOnline(source, partial);
  // The manifest is computed from the copy itself: it is exactly the moment backed up.
  const copy = openSqliteReadOnly(partial);
  try {
    return { source, tables: await digestTables(copy.db) };
  } finally {
    await copy.close();
  }
}

async function dumpPostgres(location: string, partial: string): Promise<{ source: string; tables: TableDigest[] }> {
  const store = connect(location);
  try {
    await requireToolFor('pg_dump', await postgresServerMajor(store.db)).catch(rethrowAsBackupError);
    // One REPEATABLE READ transaction exports its snapshot to pg_dump and digests the same rows.
    const tables = await store.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx: Db) => {
        const snapshot = await exportPostgresSnapshot(trx);
        await pgDump(location, partial, snapshot).catch(rethrowAsBackupError);
        return digestTables(trx);
      });
    return { source: store.location, tables };
  } finally {
    await store.close();
  }
}

function rethrowAsBackupError(error: unknown): never {
  if (error instanceof PgToolError) throw new BackupError(error.message);
  throw error;
}

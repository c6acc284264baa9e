import fs from 'node:fs';
import path from 'node:path';
import { connect, dialectOf } from '../../db/connect.js';
import type { Dialect } from '../../db/database.js';
import {
  createDatabase,
  databaseExists,
  dropDatabase,
  postgresHasTables,
  withoutPassword,
} from '../../db/pg-databases.js';
import { looksLikePgDump, pgRestore, PgToolError, requireToolFor } from '../../db/pg-dump.js';
import { postgresServerMajor } from '../../db/repositories/table-content.repository.js';
import { looksLikeSqlite, sqliteFileHasTables, syncFile } from '../../db/sqlite-file.js';
import { BackupError } from './backup-error.js';
import { readManifest, sha256OfFile, type BackupManifest } from './backup-manifest.js';

export interface RestoreOptions {
  /** The drill restores a damaged backup anyway, to report what differs; a real restore refuses it. */
  allowChecksumMismatch?: boolean;
}

/** Which database a backup file came from, by its first bytes. */
export function backupDialectOf(file: string): Dialect {
  if (looksLikeSqlite(file)) return 'sqlite';
  if (looksLikePgDump(file)) return 'postgres';
  throw new BackupError(`无法识别的备份文件：${file}（既不是 SQLite 数据库，也不是 pg_dump 自定义格式）`);
}

/**
 * 恢复: writes a backup into an empty target only — a SQLite file that is absent or holds no
 * table, a PostgreSQL database that is absent (it is created) or holds no table — so a restore
 * can never overwrite the data it was meant to rescue. A backup whose manifest names another
 * SHA-256 is refused as damaged.
 */
export async function restoreBackup(
  file: string,
  target: string,
  options: RestoreOptions = {}
): Promise<{ dialect: Dialect; manifest: BackupManifest | undefined }> {
  const backup = path.resolve(file);
  if (!fs.existsSync(backup)) throw new BackupError(`备份文件不存在：${backup}`);
  const dialect = backupDialectOf(backup);
  if (dialectOf(target) !== dialect)
    throw new BackupError(
      `备份来自 ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}，只能恢复到同一种数据库（--db ${dialect === 'sqlite' ? '文件路径' : 'postgres:// 地址'}）`
    );
  const manifest = readManifest(backup);
  if (manifest && !options.allowChecksumMismatch && sha256OfFile(backup) !== manifest.file.sha256)
    throw new BackupError(`备份文件与其清单不符（SHA-256 不同），可能已损坏：拒绝恢复 ${backup}`);
  if (dialect === 'sqlite') restoreSqlite(backup, path.resolve(target));
  else await restorePostgres(backup, target);
  return { dialect, manifest };
}

function restoreSqlite(backup: string, target: string): void {
  if (!fs.existsSync(path.dirname(target)))
    throw new BackupError(`目标数据库所在的目录不存在：${path.dirname(target)}`);
  if (sqliteFileHasTables(target) || fs.existsSync(`${target}-wal`))
    throw new BackupError(`目标数据库不是空的：${target}（恢复只写入不存在或空的数据库，已拒绝，目标未改动）`);
  // Copied under a temporary name, synced, then renamed: the target is whole or absent.
  const partial = `${target}.restoring-${process.pid}`;
  try {
    fs.copyFileSync(backup, partial);
    syncFile(partial);
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

async function restorePostgres(backup: string, target: string): Promise<void> {
  const created = !(await databaseExists(target));
  if (created) await createDatabase(target);
  else if (await postgresHasTables(target))
    throw new BackupError(
      `目标数据库不是空的：${withoutPassword(target)}（恢复只写入不存在或空的数据库，已拒绝，目标未改动）`
    );
  try {
    const store = connect(target);
    try {
      await requireToolFor('pg_restore', await postgresServerMajor(store.db));
    } finally {
      await store.close();
    }
    // One transaction: a restore that fails leaves the database empty.
    await pgRestore(backup, target);
  } catch (error) {
    if (created) await dropDatabase(target).catch(() => undefined);
    if (error instanceof PgToolError) throw new BackupError(error.message);
    throw error;
  }
}

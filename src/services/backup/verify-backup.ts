import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, dialectOf, type Store } from '../../db/connect.js';
import { dropDatabase, withDatabaseName } from '../../db/pg-databases.js';
import { sqliteIntegrityCheck } from '../../db/repositories/table-content.repository.js';
import { openSqliteReadOnly } from '../../db/sqlite-file.js';
import { verifyAudit } from '../audit/verify-audit.js';
import { checkStoredBookings } from '../check-stored-bookings.js';
import { BackupError } from './backup-error.js';
import { readManifest, sha256OfFile, type BackupManifest } from './backup-manifest.js';
import { backupDialectOf, restoreBackup } from './restore-backup.js';
import { digestTables, type TableDigest } from './table-digest.js';

/** One table compared: as the manifest recorded it, and as the restored copy holds it. */
export interface TableComparison {
  table: string;
  expected: TableDigest | undefined;
  actual: TableDigest | undefined;
  matches: boolean;
}

/** 恢复演练的结果 */
export interface DrillReport {
  file: string;
  manifest: BackupManifest;
  fileChecksumMatches: boolean;
  tables: TableComparison[];
  /** SQLite's integrity check of the restored file (`['ok']` when sound); absent for PostgreSQL. */
  integrity?: string[];
  auditEntries?: number;
  bookingSources?: number;
  /** Every reason the drill failed, in Chinese; empty when it passed. */
  problems: string[];
  passed: boolean;
}

/**
 * 恢复演练: restores a backup into a scratch place (a temporary SQLite file, or a temporary
 * database on the PostgreSQL server `postgresServer`, dropped after), then checks it against
 * the manifest written at backup time — every table's row count and content hash — and checks
 * that the copy stands on its own: integrity, the audit chain, bookings matching their records.
 */
export async function verifyBackup(file: string, postgresServer?: string): Promise<DrillReport> {
  const backup = path.resolve(file);
  if (!fs.existsSync(backup)) throw new BackupError(`备份文件不存在：${backup}`);
  const manifest = readManifest(backup);
  if (!manifest)
    throw new BackupError(`找不到备份清单 ${backup}.manifest.json：无法比对（清单在备份时与备份文件一同写出）`);
  const dialect = backupDialectOf(backup);
  if (dialect === 'postgres' && (!postgresServer || dialectOf(postgresServer) !== 'postgres'))
    throw new BackupError(
      'PostgreSQL 备份的恢复演练需要一个 PostgreSQL 服务器：请用 --db 指明（在其上建立临时数据库，演练后删除）'
    );

  const report: DrillReport = {
    file: backup,
    manifest,
    fileChecksumMatches: sha256OfFile(backup) === manifest.file.sha256,
    tables: [],
    problems: [],
    passed: false,
  };
  if (!report.fileChecksumMatches) report.problems.push('备份文件的 SHA-256 与清单不符：文件已损坏或被改动');

  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-drill-'));
  const scratch =
    dialect === 'sqlite'
      ? path.join(scratchDir, 'restored.db')
      : withDatabaseName(postgresServer!, `govinfo_drill_${randomBytes(6).toString('hex')}`);
  try {
    await restoreBackup(backup, scratch, { allowChecksumMismatch: true });
    const store: Store = dialect === 'sqlite' ? openSqliteReadOnly(scratch) : connect(scratch);
    try {
      await examine(store, report);
    } finally {
      await store.close();
    }
  } catch (error) {
    report.problems.push(`恢复或读取失败：${(error as Error).message}`);
  } finally {
    if (dialect === 'postgres') await dropDatabase(scratch).catch(() => undefined);
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
  if (report.tables.length === 0)
    report.tables = manifest.tables.map((t) => ({ table: t.table, expected: t, actual: undefined, matches: false }));
  report.passed = report.problems.length === 0;
  return report;
}

async function examine(store: Store, report: DrillReport): Promise<void> {
  if (store.dialect === 'sqlite') {
    report.integrity = await sqliteIntegrityCheck(store.db);
    if (report.integrity.join() !== 'ok')
      report.problems.push(`SQLite 完整性检查未通过：${report.integrity.slice(0, 3).join('；')}`);
  }
  const actual = await digestTables(store.db);
  report.tables = compareTables(report.manifest.tables, actual);
  const differing = report.tables.filter((t) => !t.matches).map((t) => t.table);
  if (differing.length > 0) report.problems.push(`与清单不符的表：${differing.join('、')}`);

  const audit = await verifyAudit(store.db);
  report.auditEntries = audit.entries;
  if (!audit.ok) report.problems.push(`审计日志校验未通过：${audit.reason}`);
  const bookings = await checkStoredBookings(store.db);
  report.bookingSources = bookings.sources;
  if (bookings.mismatched.length > 0)
    report.problems.push(
      `记分与记录不符：${bookings.mismatched.slice(0, 5).join('、')} 等 ${bookings.mismatched.length} 处`
    );
}

function compareTables(expected: readonly TableDigest[], actual: readonly TableDigest[]): TableComparison[] {
  const names = [...new Set([...expected.map((t) => t.table), ...actual.map((t) => t.table)])].sort();
  return names.map((table) => {
    const e = expected.find((t) => t.table === table);
    const a = actual.find((t) => t.table === table);
    return { table, expected: e, actual: a, matches: !!e && !!a && e.rows === a.rows && e.sha256 === a.sha256 };
  });
}

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Dialect } from '../../db/database.js';
import type { TableDigest } from './table-digest.js';

/**
 * 备份清单: written beside the backup at the moment it is taken (`FILE.manifest.json`), so
 * the drill compares a restored copy with what was backed up, not with a live database that
 * has moved on since. It names the backup file's own SHA-256 too, so a damaged copy is told
 * apart from one that restores differently.
 */
export interface BackupManifest {
  format: 'govinfo-backup/1';
  dialect: Dialect;
  /** When the backup was taken (ISO time). */
  createdAt: string;
  /** The database backed up (a PostgreSQL URL without its password). */
  source: string;
  file: { bytes: number; sha256: string };
  tables: TableDigest[];
  /** The audit chain's length in the backup. */
  auditEntries: number;
}

export function manifestPathOf(backupFile: string): string {
  return `${backupFile}.manifest.json`;
}

export function writeManifest(backupFile: string, manifest: BackupManifest): void {
  fs.writeFileSync(manifestPathOf(backupFile), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
}

/** The manifest beside a backup, or undefined when there is none. */
export function readManifest(backupFile: string): BackupManifest | undefined {
  const file = manifestPathOf(backupFile);
  if (!fs.existsSync(file)) return undefined;
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 'govinfo-backup/1') throw new Error(`备份清单 ${file} 的格式无法识别`);
  return manifest;
}

export function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(1024 * 1024);
  try {
    for (let read; (read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

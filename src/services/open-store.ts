import fs from 'node:fs';
import path from 'node:path';
import { connect, DEFAULT_DATABASE, dialectOf, type Store } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { readAuditHead } from '../db/repositories/audit.repository.js';
import { resolveKeyLocation } from '../security/server-key.js';
import { sealLegacyAuditChain } from './audit/seal-legacy-audit-chain.js';
import { seedDefaults } from './seed-defaults.js';

/** The database to use: `--db` wins over `GOVINFO_DB`, which wins over the embedded default. */
export function resolveDatabaseLocation(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return option || env.GOVINFO_DB || DEFAULT_DATABASE;
}

/** A database that cannot be opened, said in words a user can act on. */
export class StoreUnavailableError extends Error {}

/** Attempts at migrating and seeding: a second process starting on the same new database may be doing it too. */
const SETUP_ATTEMPTS = 4;

/** Opens the database, creates or migrates its schema and seeds an empty one: every command starts here. */
export async function openStore(location: string): Promise<Store> {
  const isDefault = location === DEFAULT_DATABASE;
  if (dialectOf(location) === 'sqlite' && !isDefault && !fs.existsSync(path.dirname(path.resolve(location)))) {
    throw new StoreUnavailableError(`数据库文件所在的目录不存在：${path.dirname(path.resolve(location))}`);
  }
  const store = connect(location);
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(store.db);
      await store.db.transaction().execute((trx) => seedDefaults(trx));
      await requireKeyOfKeyedChain(store);
      await sealLegacyAuditChain(store.db, new Date());
      return store;
    } catch (error) {
      const unavailable =
        error instanceof StoreUnavailableError ? error.message : describeUnavailable(error, store.location);
      if (unavailable || attempt === SETUP_ATTEMPTS) {
        await store.close();
        throw unavailable ? new StoreUnavailableError(unavailable) : error;
      }
      // Another process is setting up the same database: wait for it, then find the schema in place.
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/**
 * A chain already keyed needs the key it was keyed with: creating a new one would make every later
 * entry unverifiable alongside the earlier ones. A missing key file is created only for a chain
 * with no keyed entry yet.
 */
async function requireKeyOfKeyedChain(store: Store): Promise<void> {
  const keyFile = resolveKeyLocation();
  if (fs.existsSync(keyFile)) return;
  const head = await readAuditHead(store.db);
  if (head.keyed_from !== null && head.keyed_from <= head.last_id)
    throw new StoreUnavailableError(
      `数据库 ${store.location} 的审计日志已用密钥保护，但密钥文件 ${keyFile} 不存在：请从备份恢复密钥文件，或用环境变量 GOVINFO_KEY_FILE 指明其位置`
    );
}

/** Connection failures that no retry will mend, in Chinese; undefined for anything else. */
function describeUnavailable(error: unknown, location: string): string | undefined {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const code = (cause as { code?: string }).code ?? (error as { code?: string }).code;
  const message = String((cause as Error).message ?? error);
  if (code === '3D000' || /database .* does not exist/.test(message)) return `PostgreSQL 数据库不存在：${location}`;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT')
    return `无法连接数据库 ${location}（${code}）`;
  if (code === '28P01' || code === '28000') return `数据库拒绝了登录：${location}`;
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_NOTADB')
    return `无法打开数据库文件 ${location}（${code === 'SQLITE_NOTADB' ? '不是 SQLite 数据库' : '无法读写'}）`;
  return undefined;
}

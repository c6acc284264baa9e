import { loadedServerKey, type ServerKey } from '../security/server-key.js';
import { takeRecordedSeals } from '../services/audit/seal-legacy-audit-chain.js';
import type { CliIo } from './context.js';

/** Keys this process has already spoken about: each notice is said once. */
const announced = new Set<string>();

/**
 * What an administrator must know about the key file and the audit chain, said once per process:
 * a key file created just now (where it is, and that it must be kept), a key file others can read,
 * and a chain of an earlier version sealed under the key on opening the database.
 */
export function printStartupNotices(io: CliIo, write: (text: string) => void = io.stderr): void {
  const key = loadedServerKey();
  if (key && !announced.has(key.location)) {
    announced.add(key.location);
    for (const line of keyNotices(key)) write(`${line}\n`);
  }
  for (const seal of takeRecordedSeals()) {
    write(
      `审计日志已启用密钥保护：此前的 ${seal.legacyEntries} 条 SM3 记录由第 ${seal.sealedBy} 条记录（HMAC-SM3）封存，此后只接受密钥校验\n`
    );
    if (seal.brokenAt !== undefined)
      write(`注意：封存前的日志已不完整（${seal.reason}），封存不会掩盖这一点，校验仍会报告\n`);
  }
}

function keyNotices(key: ServerKey): string[] {
  const notices: string[] = [];
  if (key.created)
    notices.push(
      `已创建服务器密钥文件 ${key.location}（审计日志的密钥即在其中）。请妥善保管，并与数据库分开备份：丢失后已有的审计日志将无法校验，泄露后日志可被伪造。`
    );
  if (key.readableByOthers)
    notices.push(`警告：密钥文件 ${key.location} 可被其他用户读取，请执行 chmod 600 ${key.location}`);
  return notices;
}

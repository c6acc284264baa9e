import fs from 'node:fs';
import { Command } from 'commander';
import { beijingTime } from '../../domain/audit-labels.js';
import {
  AuditAnchorError,
  checkAuditAnchor,
  parseAuditAnchor,
  takeAuditAnchor,
  type AuditAnchor,
} from '../../services/audit/audit-anchor.js';
import { verifyAudit, type AuditVerification } from '../../services/audit/verify-audit.js';
import { UserError, withExistingStore, writeJson, type CliIo } from '../context.js';

export function auditCommand(io: CliIo): Command {
  const audit = new Command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志的哈希链（HMAC-SM3，密钥取自密钥文件）：报告第一处被改动或删除的记录')
    .option('--anchor <file>', '同时核对此前用 audit anchor 保存的锚点：发现锚点之前的记录被删除或改写')
    .option('--json', '输出 JSON')
    .action(async (options: { anchor?: string; json?: boolean }, command: Command) => {
      await withExistingStore(command, async ({ db }) => {
        // Read and signature-checked first: a file that is not a valid anchor is refused outright.
        // (After opening the store, which refuses to create a new key for a chain already keyed.)
        const anchor = options.anchor === undefined ? undefined : readAnchorFile(options.anchor);
        const result = await verifyAudit(db);
        const anchorCheck = anchor && (await checkAuditAnchor(db, anchor));
        if (options.json) {
          writeJson(io, anchorCheck ? { ...result, anchor: anchorCheck } : result);
          if (!result.ok || (anchorCheck && !anchorCheck.ok)) throw new UserError('');
          return;
        }
        if (!result.ok)
          throw new UserError(`审计日志已被篡改：${result.reason}（第 ${result.brokenAt} 条起的链接不可信）`);
        if (anchor && anchorCheck && !anchorCheck.ok)
          throw new UserError(`审计日志与锚点（${beijingTime(anchor.at)}）不符：${anchorCheck.reason}`);
        io.stdout(chainIntact(result));
        if (anchor)
          io.stdout(
            `与锚点（${beijingTime(anchor.at)}）一致：锚点记录的第 ${anchor.lastId} 条及之前的记录均未被删除或改写\n`
          );
      });
    });
  audit
    .command('anchor')
    .description('签发审计日志的锚点（记录条数、最后一条的编号和哈希、时间，以密钥签名）：请保存在数据库服务器之外')
    .option('--out <file>', '写入此文件（不覆盖已有文件）；默认输出到标准输出')
    .action(async (options: { out?: string }, command: Command) => {
      if (options.out !== undefined && fs.existsSync(options.out))
        throw new UserError(`文件 ${options.out} 已存在：锚点不覆盖已有文件，请换一个文件名`);
      await withExistingStore(command, async ({ db }) => {
        const taken = await takeAuditAnchor(db, new Date());
        if (!taken.ok) {
          const broken = taken.verification as Extract<AuditVerification, { ok: false }>;
          throw new UserError(`审计日志校验未通过，不能为被篡改的日志签发锚点：${broken.reason}`);
        }
        const document = `${JSON.stringify(taken.anchor, null, 2)}\n`;
        if (options.out === undefined) return io.stdout(document);
        writeAnchorFile(options.out, document);
        io.stdout(
          `已将审计日志锚点写入 ${options.out}：共 ${taken.anchor.entries} 条记录，最后一条哈希 ${taken.anchor.lastHash.slice(0, 16)}…\n` +
            '请把此文件保存在数据库服务器之外；日后用 govinfo audit verify --anchor 核对。\n'
        );
      });
    });
  return audit;
}

function chainIntact(result: Extract<AuditVerification, { ok: true }>): string {
  const legacy = result.legacyEntries
    ? `（其中前 ${result.legacyEntries} 条是启用密钥前的 SM3 记录，已由其后第一条密钥记录封存）`
    : '';
  return `审计日志完整：共 ${result.entries} 条记录，HMAC-SM3 哈希链校验通过${legacy}\n`;
}

function readAnchorFile(file: string): AuditAnchor {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`无法读取锚点文件 ${file}（${(error as NodeJS.ErrnoException).code ?? String(error)}）`);
  }
  try {
    return parseAuditAnchor(text);
  } catch (error) {
    if (error instanceof AuditAnchorError) throw new UserError(`锚点文件 ${file} 无效：${error.message}`);
    throw error;
  }
}

function writeAnchorFile(file: string, document: string): void {
  try {
    fs.writeFileSync(file, document, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'EEXIST'
        ? `文件 ${file} 已存在：锚点不覆盖已有文件`
        : `无法写入锚点文件 ${file}（${code ?? String(error)}）`
    );
  }
}

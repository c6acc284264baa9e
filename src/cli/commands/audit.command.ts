import { Command } from 'commander';
import { verifyAudit } from '../../services/audit/verify-audit.js';
import { UserError, withExistingStore, writeJson, type CliIo } from '../context.js';

export function auditCommand(io: CliIo): Command {
  const audit = new Command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志的 SM3 哈希链：报告第一处被改动或删除的记录')
    .option('--json', '输出 JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withExistingStore(command, async ({ db }) => {
        const result = await verifyAudit(db);
        if (options.json) writeJson(io, result);
        else if (result.ok) io.stdout(`审计日志完整：共 ${result.entries} 条记录，SM3 哈希链校验通过\n`);
        if (!result.ok)
          throw new UserError(
            options.json ? '' : `审计日志已被篡改：${result.reason}（第 ${result.brokenAt} 条起的链接不可信）`
          );
      });
    });
  return audit;
}

import { Command } from 'commander';
import { withoutPassword } from '../../db/pg-databases.js';
import { restoreBackup } from '../../services/backup/restore-backup.js';
import { UserError, type CliIo } from '../context.js';
import { asUserErrors } from '../backup-errors.js';

export function restoreCommand(io: CliIo): Command {
  return new Command('restore')
    .description('从备份恢复到空的数据库（--db 必填；目标已有数据表时拒绝）')
    .argument('<file>', 'govinfo backup 写出的备份文件')
    .action(async (file: string, _options: unknown, command: Command) => {
      // The target is named explicitly: never GOVINFO_DB or the default, which may be the live database.
      const target = command.optsWithGlobals<{ db?: string }>().db;
      if (!target)
        throw new UserError('请用 --db 指明恢复的目标数据库（不存在或空的 SQLite 文件，或 postgres:// 地址）');
      const { manifest } = await asUserErrors(() => restoreBackup(file, target));
      io.stdout(`已恢复 ${file} → ${withoutPassword(target)}\n`);
      if (!manifest) io.stderr('注意：没有找到备份清单，未能核对备份文件的校验值\n');
      else
        io.stdout(
          `备份时间 ${manifest.createdAt}，审计日志 ${manifest.auditEntries} 条；可用 govinfo backup verify 做恢复演练\n`
        );
    });
}

import { Command } from 'commander';
import { RECORD_TYPES, RECORD_TYPE_LABELS } from '../../domain/ledger-schema.js';
import { readLedgerFile } from '../../files/read-ledger-file.js';
import { ledgerLimitsFromEnv } from '../../server/config.js';
import { importLedger } from '../../services/import-ledger.js';
import { UserError, withStore, type CliIo } from '../context.js';
import { renderTable } from '../table.js';
import { isUniqueViolation } from '../../db/unique-violation.js';

export function importCommand(io: CliIo): Command {
  return new Command('import')
    .description('导入台账文件（.jsonl、.csv 或 .xlsx）：整个文件作为一个事务，重复导入不改变数据')
    .argument('<file>', '台账文件')
    .action(async (file: string, _options: unknown, command: Command) => {
      const read = await readLedgerFile(file, ledgerLimitsFromEnv());
      if (read.problems.length > 0) throw new UserError(failureText(read.problems));
      await withStore(command, async ({ db }) => {
        const outcome = await importLedger(db, read.records).catch((error: unknown) => {
          if (isUniqueViolation(error))
            throw new UserError('另一个导入同时写入了相同编号的记录；本次导入未存储任何记录，请重新导入');
          throw error;
        });
        if (!outcome.ok) throw new UserError(failureText(outcome.problems));
        for (const warning of outcome.warnings) io.stderr(`警告：${warning}\n`);
        const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
        io.stdout(
          `导入完成：${file}，新增 ${total(outcome.stored)} 条，跳过（已存在且相同）${total(outcome.skipped)} 条\n\n`
        );
        io.stdout(
          `${renderTable(
            [{ header: '记录类型' }, { header: '新增', align: 'right' }, { header: '跳过', align: 'right' }],
            RECORD_TYPES.map((t) => [`${RECORD_TYPE_LABELS[t]} ${t}`, outcome.stored[t], outcome.skipped[t]])
          )}\n`
        );
      });
    });
}

function failureText(problems: string[]): string {
  return `${problems.join('\n')}\n导入失败：共 ${problems.length} 个问题，未存储任何记录。`;
}

import path from 'node:path';
import { Command } from 'commander';
import { writeLedgerTemplate } from '../../files/ledger-template.js';
import { UserError, type CliIo } from '../context.js';

export function templateCommand(io: CliIo): Command {
  return new Command('template')
    .description('生成台账导入模板：.xlsx 每种记录一个工作表，.csv 为一张合表；中文列名，每种记录一行示例')
    .requiredOption('--out <file>', '输出文件，如 台账模板.xlsx')
    .action(async (options: { out: string }) => {
      const extension = path.extname(options.out).toLowerCase();
      if (extension !== '.xlsx' && extension !== '.csv')
        throw new UserError(`--out 的文件类型“${extension || '无扩展名'}”不支持，应为 .xlsx 或 .csv`);
      try {
        await writeLedgerTemplate(options.out);
      } catch (error) {
        throw new UserError(`无法写入 ${options.out}：${(error as Error).message}`);
      }
      io.stdout(`已生成导入模板：${options.out}\n`);
    });
}

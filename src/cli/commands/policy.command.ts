import fs from 'node:fs';
import os from 'node:os';
import { Command } from 'commander';
import { parsePolicy } from '../../domain/policy.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import { addPolicy, PolicyConflictError } from '../../services/add-policy.js';
import { UserError, withStore, writeJson, type CliIo } from '../context.js';
import { renderTable } from '../table.js';

export function policyCommand(io: CliIo): Command {
  const policy = new Command('policy').description(
    '考核政策版本：查看，或从 JSON 文件新增一个版本（记分规则、分值和指标都是数据）'
  );

  policy
    .command('list')
    .description('列出已存储的考核政策版本及生效日期')
    .option('--json', '输出 JSON（完整的政策文档）')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withStore(command, async ({ db }) => {
        const policies = await listPolicies(db);
        if (options.json) return writeJson(io, policies);
        io.stdout(
          `${renderTable(
            [{ header: '名称' }, { header: '生效日期' }, { header: '文件' }],
            policies.map((p) => [p.name, p.effectiveFrom, p.title])
          )}\n`
        );
      });
    });

  policy
    .command('add')
    .description('新增一个考核政策版本；自其生效日起的记分按新版本重新计算')
    .argument('<file>', '政策 JSON 文件（格式见 seeds/panyu-2010.policy.json）')
    .action(async (file: string, _options: unknown, command: Command) => {
      let input: unknown;
      try {
        input = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new UserError(`${file}: 无法读取为 JSON（${(error as Error).message}）`);
      }
      const parsed = parsePolicy(input);
      if ('problems' in parsed) throw new UserError(parsed.problems.map((p) => `${file}: ${p}`).join('\n'));
      await withStore(command, async ({ db }) => {
        try {
          await addPolicy(
            db,
            { id: null, username: `cli:${os.userInfo().username}`, ip: 'local' },
            parsed.policy,
            new Date()
          );
        } catch (error) {
          if (error instanceof PolicyConflictError) throw new UserError(`${file}: ${error.message}`);
          throw error;
        }
        io.stdout(
          `已新增考核政策 ${parsed.policy.name}，自 ${parsed.policy.effectiveFrom} 起生效；记分已按新版本重新计算\n`
        );
      });
    });
  return policy;
}

import { Command } from 'commander';
import { todayInChina, yearOf } from '../../domain/dates.js';
import { generateDemoLedger } from '../../services/generate-demo.js';
import { importLedger } from '../../services/import-ledger.js';
import { hasRecords } from '../../db/repositories/ledger.repository.js';
import { listUnits } from '../../db/repositories/unit.repository.js';
import { UserError, parseYear, withStore, type CliIo } from '../context.js';

export function demoCommand(io: CliIo): Command {
  return new Command('demo')
    .description('向空数据库填入一年的模拟台账（全部报送单位），用于试用和性能测试；已有记录的数据库会被拒绝')
    .option('--year <year>', '模拟的考核年度（默认：上一年度）')
    .option('--seed <n>', '随机种子，相同种子生成相同数据', '2010')
    .action(async (options: { year?: string; seed: string }, command: Command) => {
      const year = options.year === undefined ? yearOf(todayInChina()) - 1 : parseYear(options.year);
      if (!/^\d+$/.test(options.seed)) throw new UserError(`--seed 的值“${options.seed}”无效，应为非负整数`);
      await withStore(command, async ({ db, location }) => {
        if (await hasRecords(db))
          throw new UserError(
            `数据库 ${location} 已有台账记录，演示数据只能填入空数据库；请用 --db 指定一个新的数据库文件`
          );
        const units = await listUnits(db);
        const records = generateDemoLedger({
          year,
          seed: Number(options.seed),
          units: units.map((u) => ({ name: u.name, series: u.series_code })),
          withText: true,
        });
        const outcome = await importLedger(
          db,
          records.map((fields, i) => ({ fields, file: 'demo', line: i + 1 }))
        );
        if (!outcome.ok) throw new Error(`demo ledger rejected: ${outcome.problems.slice(0, 5).join('; ')}`);
        const total = Object.values(outcome.stored).reduce((a, b) => a + b, 0);
        io.stdout(
          `已在 ${location} 生成 ${year} 年度演示台账：${units.length} 个单位，${total} 条记录（稿件 ${outcome.stored.item}，采用 ${outcome.stored.adoption}，批示 ${outcome.stored.instruction}，上级采用 ${outcome.stored.upward}，约稿 ${outcome.stored.solicitation}，扣分 ${outcome.stored.penalty}）\n`
        );
      });
    });
}

import { Command } from 'commander';
import { isIsoDate } from '../../domain/dates.js';
import { explainUnit, UnknownUnitError, type Explanation } from '../../services/explain-unit.js';
import { UserError, parseQuarter, parseYear, withStore, writeJson, type CliIo } from '../context.js';
import { QUARTER_NAMES, renderTable, signed } from '../table.js';

export function explainCommand(io: CliIo): Command {
  return new Command('explain')
    .description('列出某单位得分背后的每一笔记分：日期、分值、规则和来源记录')
    .requiredOption('--unit <name>', '报送单位名称（与附件名单一致），如 沙湾镇')
    .requiredOption('--year <year>', '考核年度')
    .option('--quarter <quarter>', '只列出该季度（1–4）')
    .option('--as-of <date>', '只计入该日及以前的记分（YYYY-MM-DD）')
    .option('--json', '输出 JSON')
    .action(
      async (
        options: { unit: string; year: string; quarter?: string; asOf?: string; json?: boolean },
        command: Command
      ) => {
        const year = parseYear(options.year);
        const quarter = options.quarter === undefined ? undefined : parseQuarter(options.quarter);
        if (options.asOf !== undefined && !isIsoDate(options.asOf))
          throw new UserError(`--as-of 的值“${String(options.asOf)}”不是有效日期，应为 YYYY-MM-DD`);
        await withStore(command, async ({ db }) => {
          let explanation: Explanation;
          try {
            explanation = await explainUnit(db, { unit: options.unit, year, quarter, asOf: options.asOf });
          } catch (error) {
            if (error instanceof UnknownUnitError) throw new UserError(error.message);
            throw error;
          }
          if (options.json) return writeJson(io, explanation);
          io.stdout(formatExplanation(explanation));
        });
      }
    );
}

function formatExplanation(e: Explanation): string {
  const period = e.quarter ? `${e.year} 年第${QUARTER_NAMES[e.quarter]}季度` : `${e.year} 年`;
  const lines = [
    `${e.unit} ${period}得分 ${e.points} 分（${e.quarters.map((q) => `${QUARTER_NAMES[q.quarter]}季度 ${q.points}`).join('，')}）`,
    '',
  ];
  if (e.bookings.length === 0) lines.push('该期间没有记分。');
  else {
    lines.push(
      renderTable(
        [
          { header: '日期' },
          { header: '季度' },
          { header: '分值', align: 'right' },
          { header: '记分规则' },
          { header: '来源记录' },
          { header: '稿件' },
        ],
        e.bookings.map((b) => [
          b.date,
          QUARTER_NAMES[b.quarter],
          signed(b.points),
          b.description,
          `${b.record.type} ${b.record.id}`,
          b.item ?? '',
        ])
      )
    );
  }
  return `${lines.join('\n')}\n`;
}

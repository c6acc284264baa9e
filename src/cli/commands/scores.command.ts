import { Command } from 'commander';
import { assessmentNotices, failedStreakNoticeFor } from '../../domain/assessment-notices.js';
import { isIsoDate } from '../../domain/dates.js';
import { computeScores, type ScoresDocument } from '../../services/compute-scores.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import { listSeries } from '../../db/repositories/unit.repository.js';
import { UserError, parseQuarter, parseYear, withStore, writeJson, type CliIo } from '../context.js';
import { QUARTER_NAMES, renderTable } from '../table.js';

export function scoresCommand(io: CliIo): Command {
  return new Command('scores')
    .description('各单位的季度和年度得分、指标、排名与连续未完成季度数（考核）')
    .requiredOption('--year <year>', '考核年度，如 2012')
    .option('--quarter <quarter>', '季度 1–4：在 JSON 中加上 "quarter"，并列出该季度的通报批评名单')
    .option('--as-of <date>', '只计入该日及以前的记分，以及该日以前已截止的约稿（YYYY-MM-DD）')
    .option('--json', '输出 JSON 文档（见 ledger-and-cli.md）')
    .action(async (options: { year: string; quarter?: string; asOf?: string; json?: boolean }, command: Command) => {
      const year = parseYear(options.year);
      const quarter = options.quarter === undefined ? undefined : parseQuarter(options.quarter);
      if (options.asOf !== undefined && !isIsoDate(options.asOf))
        throw new UserError(`--as-of 的值“${String(options.asOf)}”不是有效日期，应为 YYYY-MM-DD`);
      await withStore(command, async ({ db }) => {
        const scores = await computeScores(db, { year, quarter, asOf: options.asOf });
        if (options.json) return writeJson(io, scores);
        const seriesNames = new Map((await listSeries(db)).map((s) => [s.code, s.name]));
        io.stdout(formatScores(scores, seriesNames, failedStreakNoticeFor(await listPolicies(db), year), options.asOf));
      });
    });
}

/** The readable Chinese report: one table per series in rank order, then the lists the policy acts on. */
export function formatScores(
  scores: ScoresDocument,
  seriesNames: Map<string, string>,
  streakNotice: number,
  asOf?: string
): string {
  const asOfQuarter = scores.quarter ?? 4;
  const out: string[] = [
    `${scores.year} 年度政务信息工作考核得分（考核政策 ${scores.policy}${asOf ? `，截至 ${asOf}` : ''}）`,
    '',
  ];
  for (const [series, name] of seriesNames) {
    const units = scores.units.filter((u) => u.series === series);
    if (units.length === 0) continue;
    const sample = units[0];
    const quarterly = sample.quarters[0].target;
    out.push(`${name}：${quarterly === null ? '' : `季度指标 ${quarterly} 分，`}年度指标 ${sample.annual.target} 分`);
    out.push(
      renderTable(
        [
          { header: '排名', align: 'right' },
          { header: '单位' },
          ...[1, 2, 3, 4].map((q) => ({ header: `${QUARTER_NAMES[q]}季度`, align: 'right' as const })),
          { header: '全年', align: 'right' },
          { header: '全年达标' },
          { header: '未完成季度' },
          { header: `连续未完成(${QUARTER_NAMES[asOfQuarter]}季度止)`, align: 'right' },
        ],
        units.map((u) => [
          u.rank,
          u.unit,
          ...u.quarters.map((q) => q.points),
          u.annual.points,
          u.annual.met ? '是' : '否',
          u.quarters
            .filter((q) => q.met === false)
            .map((q) => QUARTER_NAMES[q.quarter])
            .join('、') || (quarterly === null ? '—' : '无'),
          u.quarters[asOfQuarter - 1].failed_streak ?? '—',
        ])
      )
    );
    out.push('');
  }

  const notices = assessmentNotices(scores.units, asOfQuarter, streakNotice);
  out.push(
    `通报表扬候选（全年四个考核季度全部达标，按排名）：${notices.commended.map((u) => `${u.unit}(${u.annual.points})`).join('、') || '无'}`
  );
  if (scores.quarter !== undefined) {
    out.push(
      `第${QUARTER_NAMES[asOfQuarter]}季度通报批评（未完成季度指标）：${notices.criticised.map((u) => u.unit).join('、') || '无'}`
    );
  }
  out.push(
    `连续四个考核季度未完成（通报批评分管领导和信息员，建议更换信息员）：${notices.failedStreak.map((u) => u.unit).join('、') || '无'}`
  );
  return `${out.join('\n')}\n`;
}

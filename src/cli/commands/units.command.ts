import { Command } from 'commander';
import { policyInForce } from '../../domain/policy.js';
import { todayInChina } from '../../domain/dates.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import { listSeries, listUnits } from '../../db/repositories/unit.repository.js';
import { withStore, writeJson, type CliIo } from '../context.js';
import { renderTable } from '../table.js';

export function unitsCommand(io: CliIo): Command {
  return new Command('units')
    .description('报送单位名单：所属序列及现行考核政策的季度、年度指标')
    .option('--json', '输出 JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withStore(command, async ({ db }) => {
        const [units, series, policies] = await Promise.all([listUnits(db), listSeries(db), listPolicies(db)]);
        const policy = policyInForce(policies, todayInChina()) ?? policies[0];
        const seriesName = new Map(series.map((s) => [s.code, s.name]));
        const rows = units.map((u) => ({
          unit: u.name,
          series: u.series_code,
          series_name: seriesName.get(u.series_code) ?? u.series_code,
          quarterly_target: policy?.series[u.series_code]?.quarterly ?? null,
          annual_target: policy?.series[u.series_code]?.annual ?? null,
        }));
        if (options.json) return writeJson(io, { policy: policy?.name ?? null, units: rows });
        io.stdout(`报送单位 ${rows.length} 个（考核政策 ${policy?.name ?? '无'}）\n\n`);
        io.stdout(
          `${renderTable(
            [
              { header: '序列' },
              { header: '单位' },
              { header: '季度指标', align: 'right' },
              { header: '年度指标', align: 'right' },
            ],
            rows.map((r) => [r.series_name, r.unit, r.quarterly_target ?? '—', r.annual_target ?? '—'])
          )}\n`
        );
      });
    });
}

import { Command } from 'commander';
import { manifestPathOf } from '../../services/backup/backup-manifest.js';
import { createBackup } from '../../services/backup/create-backup.js';
import { verifyBackup, type DrillReport } from '../../services/backup/verify-backup.js';
import { resolveDatabaseLocation } from '../../services/open-store.js';
import { asUserErrors } from '../backup-errors.js';
import { renderTable } from '../table.js';
import { UserError, writeJson, type CliIo } from '../context.js';

export function backupCommand(io: CliIo): Command {
  const backup = new Command('backup')
    .description(
      '备份数据库（服务运行中也可执行）：SQLite 用在线备份，PostgreSQL 用 pg_dump 自定义格式；同时写出清单 FILE.manifest.json'
    )
    .option('--out <file>', '备份文件（已存在时拒绝覆盖）')
    .action(async (options: { out?: string }, command: Command) => {
      if (!options.out) throw new UserError('缺少必填选项 --out <file>（使用 --help 查看用法）');
      const location = resolveDatabaseLocation(command.optsWithGlobals<{ db?: string }>().db);
      const manifest = await asUserErrors(() => createBackup(location, options.out!));
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      io.stdout(
        `已备份 ${manifest.source} → ${options.out}（${manifest.tables.length} 张表，共 ${rows} 行，${(manifest.file.bytes / 1024 / 1024).toFixed(1)} MB）\n` +
          `清单：${manifestPathOf(options.out)}（各表行数与内容哈希，供 govinfo backup verify 比对）\n`
      );
    });
  backup
    .command('verify')
    .description(
      '恢复演练：把备份恢复到临时位置（PostgreSQL 备份需 --db 指明服务器），逐表比对行数与内容哈希，并校验审计日志和记分'
    )
    .argument('<file>', '备份文件')
    .option('--json', '输出 JSON')
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      const server = resolveDatabaseLocation(command.optsWithGlobals<{ db?: string }>().db);
      const report = await asUserErrors(() => verifyBackup(file, server));
      if (options.json) writeJson(io, report);
      else io.stdout(renderDrill(report));
      if (!report.passed) throw new UserError(options.json ? '' : `恢复演练未通过：${report.problems.join('；')}`);
    });
  return backup;
}

function renderDrill(report: DrillReport): string {
  const short = (hash: string | undefined) => (hash ? hash.slice(0, 16) : '—');
  const table = renderTable(
    [
      { header: '表' },
      { header: '备份时行数', align: 'right' },
      { header: '恢复后行数', align: 'right' },
      { header: '备份时哈希' },
      { header: '恢复后哈希' },
      { header: '结果' },
    ],
    report.tables.map((t) => [
      t.table,
      t.expected?.rows ?? '—',
      t.actual?.rows ?? '—',
      short(t.expected?.sha256),
      short(t.actual?.sha256),
      t.matches ? '一致' : '不符',
    ])
  );
  const lines = [
    `恢复演练：${report.file}（${report.manifest.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}，备份于 ${report.manifest.createdAt}）`,
    table.trimEnd(),
    `备份文件 SHA-256：${report.fileChecksumMatches ? '与清单一致' : '与清单不符'}`,
  ];
  if (report.integrity) lines.push(`SQLite 完整性检查：${report.integrity.join('；')}`);
  if (report.auditEntries !== undefined) lines.push(`审计日志：${report.auditEntries} 条`);
  if (report.bookingSources !== undefined) lines.push(`记分复算：${report.bookingSources} 个来源`);
  if (report.passed) lines.push('结论：恢复演练通过，备份可用');
  return `${lines.join('\n')}\n`;
}

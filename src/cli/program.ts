import { Command } from 'commander';
import { accountCommand } from './commands/account.command.js';
import { auditCommand } from './commands/audit.command.js';
import { backupCommand } from './commands/backup.command.js';
import { bulletinCommand } from './commands/bulletin.command.js';
import { demoCommand } from './commands/demo.command.js';
import { explainCommand } from './commands/explain.command.js';
import { importCommand } from './commands/import.command.js';
import { intakeCommand } from './commands/intake.command.js';
import { policyCommand } from './commands/policy.command.js';
import { restoreCommand } from './commands/restore.command.js';
import { scoresCommand } from './commands/scores.command.js';
import { summaryCommand } from './commands/summary.command.js';
import { serveCommand } from './commands/serve.command.js';
import { templateCommand } from './commands/template.command.js';
import { unitsCommand } from './commands/units.command.js';
import type { CliIo } from './context.js';

/** The `govinfo` command line, writing through `io`. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('govinfo')
    .description('政务信息报送与考核系统（番府办〔2010〕12号）命令行')
    .option(
      '--db <location>',
      '数据库：SQLite 文件路径，或 postgres:// 地址（默认取 GOVINFO_DB，再默认 data/govinfo.db）'
    )
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .exitOverride();
  for (const command of [
    serveCommand(io),
    importCommand(io),
    intakeCommand(io),
    scoresCommand(io),
    bulletinCommand(io),
    explainCommand(io),
    summaryCommand(io),
    unitsCommand(io),
    templateCommand(io),
    demoCommand(io),
    policyCommand(io),
    auditCommand(io),
    accountCommand(io),
    backupCommand(io),
    restoreCommand(io),
  ]) {
    program.addCommand(command);
  }
  // Subcommands inherit the output streams and exit behaviour, so tests see every message.
  program.commands.forEach(function configure(command: Command) {
    // Usage errors are printed once, in Chinese, by runCli.
    command.configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined }).exitOverride();
    command.commands.forEach(configure);
  });
  return program;
}

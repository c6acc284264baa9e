import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { UserError, type CliIo } from './context.js';
import { printStartupNotices } from './startup-notices.js';

/** Runs the command line and returns its exit status: 0 done, 1 refused or failed. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with status 0.
      if (error.exitCode === 0) return 0;
      io.stderr(`${commanderMessageInChinese(error.message)}（使用 --help 查看用法）\n`);
      return 1;
    }
    if (error instanceof UserError) {
      if (error.message) io.stderr(`${error.message}\n`);
      return 1;
    }
    io.stderr(`错误：${(error as Error).message ?? String(error)}\n`);
    if (process.env.GOVINFO_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return 1;
  } finally {
    // A key file created during the command, or a chain sealed on opening the database, is said once.
    printStartupNotices(io);
  }
}

/** Commander words its usage errors in English; the command line speaks Chinese. */
export function commanderMessageInChinese(message: string): string {
  const text = message.replace(/^error:\s*/, '');
  const rules: [RegExp, (...groups: string[]) => string][] = [
    [/required option '(.+)' not specified/, (option) => `缺少必填选项 ${option}`],
    [/unknown option '(.+?)'/, (option) => `未知选项 ${option}`],
    [/unknown command '(.+?)'/, (command) => `未知命令 ${command}`],
    [/missing required argument '(.+)'/, (argument) => `缺少参数 <${argument}>`],
    [/option '(.+)' argument missing/, (option) => `选项 ${option} 缺少值`],
    [/too many arguments/, () => '参数过多'],
  ];
  for (const [pattern, render] of rules) {
    const match = pattern.exec(text);
    if (match) return render(...match.slice(1));
  }
  return text;
}

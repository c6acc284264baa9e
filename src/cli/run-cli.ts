import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { UserError, type CliIo } from './context.js';

/** Runs the command line and returns its exit status: 0 done, 1 refused or failed. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with status 0.
      return error.exitCode === 0 ? 0 : 1;
    }
    if (error instanceof UserError) {
      if (error.message) io.stderr(`${error.message}\n`);
      return 1;
    }
    io.stderr(`错误：${(error as Error).message ?? String(error)}\n`);
    if (process.env.GOVINFO_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return 1;
  }
}

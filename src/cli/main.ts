import type { CliIo } from './context.js';
import { runCli } from './run-cli.js';

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
process.exitCode = await runCli(process.argv.slice(2), io);

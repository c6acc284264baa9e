import fs from 'node:fs';
import os from 'node:os';
import { Command } from 'commander';
import { ConfigError, mailboxFromEnv, mailLimitsFromEnv } from '../../server/config.js';
import { DUPLICATE_REASON, intakeMail, type IntakeFile, type IntakeOutcome } from '../../services/mail/intake-mail.js';
import { UserError, withStore, writeJson, type CliIo } from '../context.js';

/** The server's operator, as the audit log names a command-line intake. */
const operator = () => {
  const name = `cli:${os.userInfo().username}`;
  return { id: null, username: name, ip: 'local', displayName: name };
};

/** Reads every file first: a missing one is a usage error and nothing is taken in. */
function readFiles(files: readonly string[]): IntakeFile[] {
  if (files.length === 0) throw new UserError('请指定要导入的 .eml 邮件文件');
  return files.map((file) => {
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) throw new UserError(`不是文件：${file}`);
      return { name: file, data: fs.readFileSync(file) };
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(`无法读取邮件文件：${file}（${(error as NodeJS.ErrnoException).code ?? '读取失败'}）`);
    }
  });
}

export function intakeCommand(io: CliIo): Command {
  return new Command('intake')
    .description(
      '导入报送邮件（.eml）：每封邮件成为区政府办公室已接收的稿件，或连同原因放入隔离区；同一邮件不会导入两次'
    )
    .argument('[files...]', '.eml 邮件文件')
    .option('--mailbox', '收取 GOVINFO_IMAP_URL 所配置的邮箱一次（代替 .eml 文件）')
    .option('--json', '以 JSON 输出')
    .action(async (files: string[], options: { json?: boolean; mailbox?: boolean }, command: Command) => {
      if (options.mailbox) {
        if (files.length > 0) throw new UserError('--mailbox 与 .eml 邮件文件不能同时指定');
        const address = mailboxSettings();
        await withStore(command, async ({ db }) => {
          // Loaded only here: the other commands need no IMAP client.
          const [
            { connectImapMailbox, MailboxError },
            { pollMailboxAndRecord },
            { mailboxLabel },
            { runExclusively },
            { MAILBOX_POLL_JOB },
          ] = await Promise.all([
            import('../../mail/imap-mailbox.js'),
            import('../../services/mail/poll-mailbox.js'),
            import('../../domain/mailbox-address.js'),
            import('../../services/jobs/run-exclusively.js'),
            import('../../services/mail/mailbox-poller.js'),
          ]);
          // One poll at a time with the servers on this database (their lease).
          const run = await runExclusively(db, { name: MAILBOX_POLL_JOB }, () =>
            pollMailboxAndRecord(db, address, connectImapMailbox, mailLimitsFromEnv(), () => new Date())
          ).catch((error: unknown) => {
            throw error instanceof MailboxError ? new UserError(error.message) : error;
          });
          if (run.status === 'skipped') throw new UserError('另一进程正在收取报送邮箱，请稍后再试');
          const outcome = run.value;
          report(io, `收取邮箱 ${mailboxLabel(address)}`, outcome, options.json);
        });
        return;
      }
      const read = readFiles(files);
      await withStore(command, async ({ db }) => {
        const outcome = await intakeMail(db, operator(), read, mailLimitsFromEnv(), new Date());
        report(io, `共 ${read.length} 封邮件`, outcome, options.json);
      });
    });
}

/** The mailbox of GOVINFO_IMAP_URL, or a usage error naming what is wrong. */
function mailboxSettings() {
  try {
    const address = mailboxFromEnv();
    if (!address)
      throw new UserError('未配置报送邮箱：请设置环境变量 GOVINFO_IMAP_URL（如 imaps://用户名:密码@邮件服务器/INBOX）');
    return address;
  } catch (error) {
    throw error instanceof ConfigError ? new UserError(error.message) : error;
  }
}

function report(io: CliIo, what: string, outcome: IntakeOutcome, json: boolean | undefined): void {
  if (json) return writeJson(io, outcome);
  const skipped = outcome.quarantined.filter((q) => q.reason.startsWith(DUPLICATE_REASON));
  io.stdout(
    `导入完成：${what}，导入 ${outcome.accepted.length} 篇稿件，` +
      `隔离 ${outcome.quarantined.length - skipped.length} 封，重复跳过 ${skipped.length} 封\n`
  );
  for (const a of outcome.accepted) io.stdout(`已导入：${a.file} → 稿件 ${a.item}（${a.unit}）${a.title}\n`);
  for (const q of outcome.quarantined)
    io.stdout(`${q.reason.startsWith(DUPLICATE_REASON) ? '已跳过' : '已隔离'}：${q.file}：${q.reason}\n`);
}

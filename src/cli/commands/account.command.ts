import { Command } from 'commander';
import { findUserByUsername } from '../../db/repositories/user.repository.js';
import { setOneTimePassword } from '../../services/accounts/manage-accounts.js';
import { UserError, withStore, type CliIo } from '../context.js';
import os from 'node:os';

export function accountCommand(io: CliIo): Command {
  const account = new Command('account').description('账号维护（在服务器上执行）');
  account
    .command('reset-password')
    .description('重置账号密码并打印一次性密码（管理员账号只能这样重置）；该账号的会话全部结束，首次登录须修改')
    .argument('<username>', '用户名')
    .action(async (username: string, _options: unknown, command: Command) => {
      await withStore(command, async ({ db }) => {
        const user = await findUserByUsername(db, username.trim().toLowerCase());
        if (!user) throw new UserError(`账号 ${username} 不存在`);
        const password = await setOneTimePassword(
          db,
          { id: null, username: `cli:${os.userInfo().username}`, ip: 'local' },
          user,
          new Date()
        );
        io.stdout(`已重置 ${user.username} 的密码，一次性密码：${password}\n首次登录后必须修改。\n`);
      });
    });
  return account;
}

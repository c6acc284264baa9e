import { Command } from 'commander';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { listUnits } from '../../db/repositories/unit.repository.js';
import { findUserByUsername } from '../../db/repositories/user.repository.js';
import type { UserRow } from '../../db/tables/user.table.js';
import { assignRole, setOneTimePassword, updateAccount } from '../../services/accounts/manage-accounts.js';
import { unbindTotp } from '../../services/auth/enroll-totp.js';
import { ServiceError } from '../../services/service-error.js';
import { isRole, isUnitRole, ROLES } from '../../shared/roles.js';
import { UserError, withStore, type CliIo } from '../context.js';

/** Who acts from the server's command line, as the audit log records it. */
const serverOperator = () => ({ id: null, username: `cli:${os.userInfo().username}`, ip: 'local' });

async function findAccount(db: Kysely<Database>, username: string): Promise<UserRow> {
  const user = await findUserByUsername(db, username.trim().toLowerCase());
  if (!user) throw new UserError(`账号 ${username} 不存在`);
  return user;
}

/** A use case's refusal, printed as the user's error. */
async function asUserError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ServiceError) throw new UserError(error.message);
    throw error;
  }
}

/**
 * Account upkeep on the server. 三员分立: what would let one administrator take over or shut out
 * another (an administrator's password, disabling or demoting an administrator) is done here only.
 */
export function accountCommand(io: CliIo): Command {
  const account = new Command('account').description('账号维护（在服务器上执行）');
  account
    .command('reset-password')
    .description('重置账号密码并打印一次性密码（管理员账号只能这样重置）；该账号的会话全部结束，首次登录须修改')
    .argument('<username>', '用户名')
    .action(async (username: string, _options: unknown, command: Command) => {
      await withStore(command, async ({ db }) => {
        const user = await findAccount(db, username);
        const password = await asUserError(() => setOneTimePassword(db, serverOperator(), user, new Date(), 'cli'));
        io.stdout(`已重置 ${user.username} 的密码，一次性密码：${password}\n首次登录后必须修改。\n`);
      });
    });

  account
    .command('reset-totp')
    .description('解除账号的双因素认证绑定（如手机遗失）；该账号的会话全部结束，须启用的角色下次登录时重新绑定')
    .argument('<username>', '用户名')
    .action(async (username: string, _options: unknown, command: Command) => {
      await withStore(command, async ({ db }) => {
        const user = await findAccount(db, username);
        await asUserError(() => unbindTotp(db, serverOperator(), user.id, new Date()));
        io.stdout(`已解除 ${user.username} 的双因素认证绑定；须启用的角色下次登录时重新绑定。\n`);
      });
    });

  for (const [name, isDisabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    account
      .command(name)
      .description(
        isDisabled ? '停用账号（管理员账号只能这样停用）；该账号的会话全部结束' : '启用账号（管理员账号只能这样启用）'
      )
      .argument('<username>', '用户名')
      .action(async (username: string, _options: unknown, command: Command) => {
        await withStore(command, async ({ db }) => {
          const user = await findAccount(db, username);
          await asUserError(() =>
            updateAccount(db, serverOperator(), user.id, user.version, { isDisabled }, new Date(), 'cli')
          );
          io.stdout(
            `已${isDisabled ? '停用' : '启用'}账号 ${user.username}（${ROLES[user.role as keyof typeof ROLES] ?? user.role}）。\n`
          );
        });
      });
  }

  account
    .command('set-role')
    .description('变更账号角色（变更管理员的角色只能这样做）；该账号的会话全部结束')
    .argument('<username>', '用户名')
    .argument('<role>', `角色：${Object.keys(ROLES).join('、')}`)
    .option('--unit <name>', '所属报送单位（信息员、分管领导、主要领导须填写）')
    .action(async (username: string, role: string, options: { unit?: string }, command: Command) => {
      if (!isRole(role)) throw new UserError(`角色“${role}”不存在，可选：${Object.keys(ROLES).join('、')}`);
      if (isUnitRole(role) && !options.unit) throw new UserError(`${ROLES[role]}须用 --unit 指定所属报送单位`);
      if (!isUnitRole(role) && options.unit) throw new UserError(`${ROLES[role]}不属于任何报送单位，请去掉 --unit`);
      await withStore(command, async ({ db }) => {
        const user = await findAccount(db, username);
        let unitId: number | null = null;
        if (options.unit) {
          const unit = (await listUnits(db)).find((u) => u.name === options.unit);
          if (!unit) throw new UserError(`报送单位“${options.unit}”不存在`);
          unitId = unit.id;
        }
        await asUserError(() =>
          assignRole(db, serverOperator(), user.id, user.version, role, unitId, new Date(), 'cli')
        );
        io.stdout(`已将 ${user.username} 的角色设为${ROLES[role]}${options.unit ? `（${options.unit}）` : ''}。\n`);
      });
    });
  return account;
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { listUsers } from '../../../db/repositories/user.repository.js';
import { assignRole, createAccount, resetPassword, updateAccount } from '../../../services/accounts/manage-accounts.js';
import {
  AccountList,
  AssignRoleBody,
  CreateAccountBody,
  CreatedAccount,
  IdParams,
  OneTimePassword,
  UpdateAccountBody,
  VersionBody,
} from '../../../shared/api/accounts.js';
import { Done } from '../../../shared/api/auth.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actorOf } from '../../plugins/access.js';
import { presentUser } from '../../presenters.js';

/** Accounts (系统管理员) and roles (安全管理员). */
export function accountsRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['账号与安全'];

  app.get(
    '/api/accounts',
    {
      config: { access: ['sys_admin', 'security_admin'] },
      schema: { tags, summary: '账号列表', response: { 200: AccountList } },
    },
    async () => {
      const users = await listUsers(db);
      return Promise.all(
        users.map(async (user) => ({
          ...(await presentUser(db, user)),
          version: user.version,
          phone: user.phone,
          isDisabled: Boolean(user.is_disabled),
          isLocked: Boolean(user.locked_until && user.locked_until > config.now().toISOString()),
          mustChangePassword: Boolean(user.must_change_password),
        }))
      );
    }
  );

  app.post(
    '/api/accounts',
    {
      config: { access: ['sys_admin'] },
      schema: {
        tags,
        summary: '新建账号（返回一次性密码；管理员账号的一次性密码须在服务器上签发）',
        body: CreateAccountBody,
        response: { 201: CreatedAccount },
      },
    },
    async (request, reply) => {
      const result = await createAccount(db, actorOf(request), request.body, config.now());
      return reply.status(201).send(result);
    }
  );

  app.patch(
    '/api/accounts/:id',
    {
      config: { access: ['sys_admin'] },
      schema: {
        tags,
        summary: '修改姓名、单位、联系电话，停用或启用账号（管理员账号的停用、启用须在服务器上执行）',
        params: IdParams,
        body: UpdateAccountBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      await updateAccount(db, actorOf(request), request.params.id, version, changes, config.now());
      return { ok: true as const };
    }
  );

  app.put(
    '/api/accounts/:id/role',
    {
      config: { access: ['security_admin'] },
      schema: {
        tags,
        summary: '分配角色（管理员的角色变更须在服务器上执行）',
        params: IdParams,
        body: AssignRoleBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      const { version, role, unitId } = request.body;
      await assignRole(db, actorOf(request), request.params.id, version, role, unitId, config.now());
      return { ok: true as const };
    }
  );

  app.post(
    '/api/accounts/:id/password-reset',
    {
      config: { access: ['sys_admin'] },
      schema: {
        tags,
        summary: '重置密码（返回一次性密码）',
        params: IdParams,
        body: VersionBody,
        response: { 200: OneTimePassword },
      },
    },
    async (request) => ({
      password: await resetPassword(db, actorOf(request), request.params.id, request.body.version, config.now()),
    })
  );
}

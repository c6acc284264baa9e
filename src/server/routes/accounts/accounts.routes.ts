import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { writeSetting } from '../../../db/repositories/setting.repository.js';
import { listUsers } from '../../../db/repositories/user.repository.js';
import { securitySettingsProblems } from '../../../domain/security-settings.js';
import { assignRole, createAccount, resetPassword, updateAccount } from '../../../services/accounts/manage-accounts.js';
import { appendAudit } from '../../../services/audit/append-audit.js';
import { forgetSecuritySettings, readSecuritySettings, SECURITY_SETTINGS_KEY } from '../../../services/read-security-settings.js';
import { ServiceError } from '../../../services/service-error.js';
import type { ServerConfig } from '../../config.js';
import { actorOf } from '../../plugins/access.js';
import { presentUser } from '../../presenters.js';
import { AssignRoleBody, CreateAccountBody, IdParams, SecuritySettingsBody, UpdateAccountBody, VersionBody } from './accounts.schema.js';

/** Accounts (系统管理员), roles and security settings (安全管理员). */
export function accountsRoutes(app: FastifyInstance, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['账号与安全'];

  app.get('/api/accounts', { config: { access: ['sys_admin', 'security_admin'] }, schema: { tags, summary: '账号列表' } }, async () => {
    const users = await listUsers(db);
    return Promise.all(users.map(async (user) => ({
      ...(await presentUser(db, user)),
      version: user.version,
      phone: user.phone,
      isDisabled: Boolean(user.is_disabled),
      isLocked: Boolean(user.locked_until && user.locked_until > config.now().toISOString()),
      mustChangePassword: Boolean(user.must_change_password),
    })));
  });

  app.post('/api/accounts', { config: { access: ['sys_admin'] }, schema: { tags, summary: '新建账号（返回一次性密码）', body: CreateAccountBody } }, async (request, reply) => {
    const result = await createAccount(db, actorOf(request), request.body as CreateAccountBody, config.now());
    return reply.status(201).send(result);
  });

  app.patch('/api/accounts/:id', { config: { access: ['sys_admin'] }, schema: { tags, summary: '修改姓名、单位、联系电话，停用或启用账号', params: IdParams, body: UpdateAccountBody } }, async (request) => {
    const { id } = request.params as IdParams;
    const { version, ...changes } = request.body as UpdateAccountBody;
    await updateAccount(db, actorOf(request), id, version, changes, config.now());
    return { ok: true };
  });

  app.put('/api/accounts/:id/role', { config: { access: ['security_admin'] }, schema: { tags, summary: '分配角色', params: IdParams, body: AssignRoleBody } }, async (request) => {
    const { id } = request.params as IdParams;
    const body = request.body as AssignRoleBody;
    await assignRole(db, actorOf(request), id, body.version, body.role, body.unitId, config.now());
    return { ok: true };
  });

  app.post('/api/accounts/:id/password-reset', { config: { access: ['sys_admin'] }, schema: { tags, summary: '重置密码（返回一次性密码）', params: IdParams, body: VersionBody } }, async (request) => {
    const { id } = request.params as IdParams;
    return { password: await resetPassword(db, actorOf(request), id, (request.body as VersionBody).version, config.now()) };
  });

  app.get('/api/security-settings', { config: { access: ['security_admin'] }, schema: { tags, summary: '安全设置' } }, async () => {
    const { settings, version } = await readSecuritySettings(db);
    return { ...settings, version };
  });

  app.put('/api/security-settings', { config: { access: ['security_admin'] }, schema: { tags, summary: '修改安全设置', body: SecuritySettingsBody } }, async (request) => {
    const { version, ...settings } = request.body as SecuritySettingsBody;
    const problems = securitySettingsProblems(settings);
    if (problems.length > 0) throw new ServiceError('invalid', problems.join('；'));
    const now = config.now();
    await db.transaction().execute(async (trx) => {
      const before = await readSecuritySettings(trx);
      if (before.version !== version) throw new ServiceError('conflict', '安全设置已被他人修改，请刷新后重试', { currentVersion: before.version });
      if (!(await writeSetting(trx, SECURITY_SETTINGS_KEY, settings, version))) throw new ServiceError('conflict', '安全设置已被他人修改，请刷新后重试');
      await appendAudit(trx, actorOf(request), { action: 'update_security_settings', objectType: 'settings', objectId: SECURITY_SETTINGS_KEY, outcome: 'ok', before: before.settings, after: settings }, now);
    });
    forgetSecuritySettings();
    return { ...settings, version: version + 1 };
  });
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { readSecuritySettings } from '../../../services/read-security-settings.js';
import { updateSecuritySettings } from '../../../services/security/update-security-settings.js';
import { SecuritySettingsBody, SecuritySettingsView } from '../../../shared/api/accounts.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actorOf } from '../../plugins/access.js';

/** Security settings (安全管理员): password expiry, lockout, session limits, required second factor. */
export function securityRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['账号与安全'];

  app.get(
    '/api/security-settings',
    {
      config: { access: ['security_admin'] },
      schema: { tags, summary: '安全设置', response: { 200: SecuritySettingsView } },
    },
    async () => {
      const { settings, version } = await readSecuritySettings(db);
      return { ...settings, version };
    }
  );

  app.put(
    '/api/security-settings',
    {
      config: { access: ['security_admin'] },
      schema: { tags, summary: '修改安全设置', body: SecuritySettingsBody, response: { 200: SecuritySettingsView } },
    },
    async (request) => {
      const { version, ...settings } = request.body;
      return updateSecuritySettings(db, actorOf(request), settings, version, config.now());
    }
  );
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { writeSetting } from '../../db/repositories/setting.repository.js';
import { securitySettingsProblems, type SecuritySettings } from '../../domain/security-settings.js';
import { appendAudit, type Actor } from '../audit/append-audit.js';
import { forgetSecuritySettings, readSecuritySettings, SECURITY_SETTINGS_KEY } from '../read-security-settings.js';
import { ServiceError } from '../service-error.js';

/** 安全管理员 replaces the security settings at `version`; answers them with their new version. */
export async function updateSecuritySettings(
  db: Kysely<Database>,
  actor: Actor,
  settings: SecuritySettings,
  version: number,
  now: Date
): Promise<SecuritySettings & { version: number }> {
  const problems = securitySettingsProblems(settings);
  if (problems.length > 0) throw new ServiceError('invalid', problems.join('；'));
  await db.transaction().execute(async (trx) => {
    const before = await readSecuritySettings(trx);
    if (before.version !== version)
      throw new ServiceError('conflict', '安全设置已被他人修改，请刷新后重试', { currentVersion: before.version });
    if (!(await writeSetting(trx, SECURITY_SETTINGS_KEY, settings, version)))
      throw new ServiceError('conflict', '安全设置已被他人修改，请刷新后重试');
    await appendAudit(
      trx,
      actor,
      {
        action: 'update_security_settings',
        objectType: 'settings',
        objectId: SECURITY_SETTINGS_KEY,
        outcome: 'ok',
        before: before.settings,
        after: settings,
      },
      now
    );
  });
  forgetSecuritySettings();
  return { ...settings, version: version + 1 };
}

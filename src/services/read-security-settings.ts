import { DEFAULT_SECURITY_SETTINGS, type SecuritySettings } from '../domain/security-settings.js';
import type { Db } from '../db/database.js';
import { readSetting } from '../db/repositories/setting.repository.js';

export const SECURITY_SETTINGS_KEY = 'security';

/** The security settings in force, with their version (0 while the defaults have never been changed). */
export async function readSecuritySettings(db: Db): Promise<{ settings: SecuritySettings; version: number }> {
  const stored = await readSetting<Partial<SecuritySettings>>(db, SECURITY_SETTINGS_KEY);
  return { settings: { ...DEFAULT_SECURITY_SETTINGS, ...(stored?.value ?? {}) }, version: stored?.version ?? 0 };
}

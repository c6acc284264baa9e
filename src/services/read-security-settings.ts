import { DEFAULT_SECURITY_SETTINGS, type SecuritySettings } from '../domain/security-settings.js';
import type { Db } from '../db/database.js';
import { readSetting } from '../db/repositories/setting.repository.js';

export const SECURITY_SETTINGS_KEY = 'security';

/** The security settings in force, with their version (0 while the defaults have never been changed). */
export async function readSecuritySettings(db: Db): Promise<{ settings: SecuritySettings; version: number }> {
  const stored = await readSetting<Partial<SecuritySettings>>(db, SECURITY_SETTINGS_KEY);
  return { settings: { ...DEFAULT_SECURITY_SETTINGS, ...(stored?.value ?? {}) }, version: stored?.version ?? 0 };
}

/**
 * The settings for checking a session, read at most once a second per database: every request
 * checks its session against them, and a change reaches every process within that second.
 */
export async function securitySettingsForRequests(db: Db, now: number = Date.now()): Promise<SecuritySettings> {
  const key = db.getExecutor().adapter;
  const cached = recent.get(key);
  if (cached && now - cached.at < 1_000) return cached.settings;
  const { settings } = await readSecuritySettings(db);
  recent.set(key, { settings, at: now });
  return settings;
}

let recent = new WeakMap<object, { settings: SecuritySettings; at: number }>();

/** Drops the cached settings after this process changed them, so its own requests see the change at once. */
export function forgetSecuritySettings(): void {
  recent = new WeakMap();
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hmacSm3Hex, openSecret, sealSecret, serverKey } from '../../src/security/server-key.js';

describe('the server key', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-key-'));
  const env = { GOVINFO_KEY_FILE: path.join(dir, 'sub', 'govinfo.key') };

  it('is created once with mode 0600 where GOVINFO_KEY_FILE says, then read back', () => {
    const first = serverKey(env);
    expect(first.created).toBe(true);
    expect(fs.statSync(env.GOVINFO_KEY_FILE).mode & 0o777).toBe(0o600);
    const again = serverKey({ GOVINFO_KEY_FILE: path.join(dir, 'sub', '..', 'sub', 'govinfo.key') });
    expect(again.auditKey.equals(first.auditKey)).toBe(true);
  });

  it('keys the audit MAC: another key gives another MAC', () => {
    const key = serverKey(env);
    const other = serverKey({ GOVINFO_KEY_FILE: path.join(dir, 'other.key') });
    expect(hmacSm3Hex(key.auditKey, '第 1 条')).not.toBe(hmacSm3Hex(other.auditKey, '第 1 条'));
  });

  it('seals a secret so the stored value hides it, and refuses an altered or foreign one', () => {
    const key = serverKey(env);
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', key);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(sealed, key)).toBe('JBSWY3DPEHPK3PXP');
    const other = serverKey({ GOVINFO_KEY_FILE: path.join(dir, 'other.key') });
    expect(() => openSecret(sealed, other)).toThrow(/无法验证/);
    const tampered = sealed.slice(0, 20) + (sealed[20] === 'A' ? 'B' : 'A') + sealed.slice(21);
    expect(() => openSecret(tampered, key)).toThrow();
  });

  it('refuses a key file that is not 64 hex characters', () => {
    const bad = path.join(dir, 'bad.key');
    fs.writeFileSync(bad, 'not a key\n', { mode: 0o600 });
    expect(() => serverKey({ GOVINFO_KEY_FILE: bad })).toThrow(/密钥文件/);
  });
});

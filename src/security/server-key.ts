import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { safeEqual } from './crypto.js';

/**
 * The server's secret key: 32 random bytes in a file of its own, never in the database, so
 * that whoever can write the database file still cannot forge the audit chain or read the
 * TOTP secrets. `GOVINFO_KEY_FILE` names the file; without it the key sits beside the
 * embedded default database. The file is created with mode 0600 when absent.
 */
export const DEFAULT_KEY_FILE = 'data/govinfo.key';

export interface ServerKey {
  /** Where the key was read from (absolute). */
  location: string;
  /** Whether this process created the file (the caller says so once, on start). */
  created: boolean;
  /** Whether group or others may read the file (the caller warns: anyone who reads it can forge the chain). */
  readableByOthers: boolean;
  /** HMAC-SM3 key for the audit chain and its anchors. */
  auditKey: Buffer;
  /** SM4 key for secrets at rest, and the HMAC-SM3 key that authenticates them. */
  secretsKey: Buffer;
  secretsMacKey: Buffer;
}

/** A key file that cannot be used, in words an administrator can act on. */
export class ServerKeyError extends Error {}

export function resolveKeyLocation(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.GOVINFO_KEY_FILE || DEFAULT_KEY_FILE);
}

let loaded: ServerKey | undefined;

/** The process's key, read (or created) on first use. */
export function serverKey(env: NodeJS.ProcessEnv = process.env): ServerKey {
  const location = resolveKeyLocation(env);
  if (loaded?.location !== location) loaded = readOrCreateKey(location);
  return loaded;
}

/** The key this process has loaded so far, if any (without reading or creating one). */
export function loadedServerKey(): ServerKey | undefined {
  return loaded;
}

/**
 * Creates the key file whole or not at all: written under a temporary name, then linked into
 * place. A link fails when the name exists, so of two processes starting together one key wins,
 * and neither ever reads a file the other has opened but not yet written.
 */
function createKeyFile(location: string): boolean {
  fs.mkdirSync(path.dirname(location), { recursive: true });
  const draft = `${location}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  try {
    fs.linkSync(draft, location);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

function readOrCreateKey(location: string): ServerKey {
  const created = !fs.existsSync(location) && createKeyFile(location);
  const text = fs.readFileSync(location, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text))
    throw new ServerKeyError(`密钥文件 ${location} 的内容无效（应为 64 位十六进制字符）`);
  const master = Buffer.from(text, 'hex');
  const derive = (label: string) => Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), label, 32));
  return {
    location,
    created,
    readableByOthers: (fs.statSync(location).mode & 0o077) !== 0,
    auditKey: derive('govinfo audit chain'),
    secretsKey: derive('govinfo secrets sm4').subarray(0, 16),
    secretsMacKey: derive('govinfo secrets mac'),
  };
}

/** HMAC-SM3 of a text under a key, hex. */
export function hmacSm3Hex(key: Buffer, text: string): string {
  return createHmac('sm3', key).update(text, 'utf8').digest('hex');
}

/**
 * Encrypts a short secret with SM4-CTR and authenticates it with HMAC-SM3 (encrypt-then-MAC;
 * Node's OpenSSL offers no SM4-GCM). Result: `sm4:` iv.ciphertext.mac in base64url.
 */
export function sealSecret(plain: string, key: ServerKey = serverKey()): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-ctr', key.secretsKey, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const mac = createHmac('sm3', key.secretsMacKey).update(iv).update(body).digest();
  return `sm4:${iv.toString('base64url')}.${body.toString('base64url')}.${mac.toString('base64url')}`;
}

/** Whether a stored value is sealed (as opposed to plain text from before sealing). */
export function isSealed(stored: string): boolean {
  return stored.startsWith('sm4:');
}

/** The secret inside a sealed value; throws when it was altered or sealed under another key. */
export function openSecret(sealed: string, key: ServerKey = serverKey()): string {
  const [iv, body, mac] = sealed
    .slice('sm4:'.length)
    .split('.')
    .map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !body || !mac || iv.length !== 16) throw new ServerKeyError('加密数据格式无效');
  const expected = createHmac('sm3', key.secretsMacKey).update(iv).update(body).digest();
  if (!safeEqual(expected.toString('hex'), mac.toString('hex')))
    throw new ServerKeyError('加密数据无法验证（被改动，或密钥文件不是加密时所用的）');
  const decipher = createDecipheriv('sm4-ctr', key.secretsKey, iv);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

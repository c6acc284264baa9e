import { createHmac, randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A new TOTP secret: 20 random bytes in base32, as authenticator apps expect. */
export function generateTotpSecret(): string {
  const bytes = randomBytes(20);
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let secret = '';
  for (let i = 0; i + 5 <= bits.length; i += 5) secret += BASE32[Number.parseInt(bits.slice(i, i + 5), 2)];
  return secret;
}

function base32Decode(secret: string): Buffer {
  let bits = '';
  for (const char of secret.replace(/=+$/, '').toUpperCase()) {
    const value = BASE32.indexOf(char);
    if (value === -1) throw new Error('invalid base32');
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The RFC 6238 code (SHA-1, 6 digits, 30 s) for a moment. */
export function totpCode(secret: string, at: Date): string {
  const counter = Math.floor(at.getTime() / 30_000);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', base32Decode(secret)).update(message).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}

/**
 * The 30-second step a code belongs to, accepting this step or one either side (clock drift);
 * undefined when the code is wrong. Callers refuse a step already used, so a code works once.
 */
export function matchTotpStep(secret: string, code: string, at: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const current = Math.floor(at.getTime() / 30_000);
  return [current - 1, current, current + 1].find((step) => totpCode(secret, new Date(step * 30_000)) === code);
}

/** Whether a code is right now (enrolment, where replay does not matter). */
export function verifyTotp(secret: string, code: string, at: Date): boolean {
  return matchTotpStep(secret, code, at) !== undefined;
}

/** The otpauth:// URL an authenticator app scans. */
export function totpUri(secret: string, username: string): string {
  return `otpauth://totp/${encodeURIComponent(`政务信息:${username}`)}?secret=${secret}&issuer=${encodeURIComponent('政务信息报送与考核系统')}`;
}

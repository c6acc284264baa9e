import { isSealed, openSecret, sealSecret } from './server-key.js';

/**
 * TOTP secrets at rest: sealed with the server key (SM4), so a copy of the database alone does
 * not let anyone compute an administrator's codes.
 */
export function sealTotpSecret(secret: string): string {
  return sealSecret(secret);
}

/**
 * The base32 secret behind a stored value. A plain value (stored before sealing) is still read,
 * so a login works in the moment between an upgrade and the sealing sweep at start-up.
 */
export function openTotpSecret(stored: string): string {
  return isSealed(stored) ? openSecret(stored) : stored;
}

import { passwordProblems } from '../../domain/password-policy.js';
import { randomToken } from '../../security/crypto.js';
import { isCommonPassword } from './common-passwords.js';

/**
 * A random one-time password that the password policy accepts for this username. Random
 * letters now and then form a run (`aaaa`, `abcd`) or the username; such a draw is thrown away,
 * so a password shown once is never one the policy would refuse at its first change.
 */
export function oneTimePassword(username: string, randomBytes = 9): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    // The suffix guarantees the character classes; the random part carries the strength.
    const candidate = `${randomToken(randomBytes)}Aa1!`;
    if (passwordProblems(candidate, username, isCommonPassword).length === 0) return candidate;
  }
  throw new Error('could not draw a one-time password the policy accepts');
}

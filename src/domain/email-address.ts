/** E-mail addresses of registered people: checked the same on the registry page and in a ledger. */

export const MAX_EMAIL_LENGTH = 254;

/** A plain address `local@domain.tld`, without display names or spaces (what a mail client's To: needs). */
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);
}

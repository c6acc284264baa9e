/**
 * The authenticator app of the tests: it remembers each test account's TOTP secret and gives a
 * code for a moment, never one of a time step the server has already accepted for that account
 * (the server accepts each step once). Accounts are named by username.
 */
import { totpCode } from '../../src/security/totp.js';

const STEP_MS = 30_000;
const accounts = new Map<string, { secret: string; lastStep: number }>();

/** Records a secret and the step the server accepted when the binding was confirmed. */
export function rememberTotp(username: string, secret: string, acceptedStep: number): void {
  accounts.set(username, { secret, lastStep: acceptedStep });
}

export function totpSecretOf(username: string): string | undefined {
  return accounts.get(username)?.secret;
}

/**
 * A code the server will accept at `now` (it takes the step before, the current and the next),
 * marked used; undefined when the account has no second factor or all three steps are used —
 * then the caller lets the clock move on a step.
 */
export function nextTotpCode(username: string, now: Date): string | undefined {
  const account = accounts.get(username);
  if (!account) return undefined;
  const current = Math.floor(now.getTime() / STEP_MS);
  const step = [current - 1, current, current + 1].find((s) => s > account.lastStep);
  if (step === undefined) return undefined;
  account.lastStep = step;
  return totpCode(account.secret, new Date(step * STEP_MS));
}

/** Whether the account has a second factor the tests know of. */
export function hasTotp(username: string): boolean {
  return accounts.has(username);
}

import fs from 'node:fs';

let common: Set<string> | undefined;

/** Whether a (lowercased) password is on the shipped list of common passwords. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    fs
      .readFileSync(new URL('../../../seeds/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
  );
  return common.has(password.toLowerCase());
}

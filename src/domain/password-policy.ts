/**
 * Password rules (等保 2.0 level 3, ASVS level 2): at least 8 characters with 3 of the 4
 * character classes, not a common password, not the username, and no long run of one
 * character or of a sequence (`aaaaaaaa1A` passes the classes but is guessed early).
 */

export const MIN_PASSWORD_LENGTH = 8;

/** The shortest run refused: three repeats (`aaa`, `123`) occur in good passwords; four are a pattern. */
export const MAX_RUN_LENGTH = 3;

/** Keyboard rows (and the shifted digit row) whose neighbours are typed as runs: `qwer`, `asdf`, `7890`, `!@#$`. */
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '!@#$%^&*()'];

/** Whether the password holds more than MAX_RUN_LENGTH of the same character in a row, whatever the case. */
export function hasRepeatRun(password: string): boolean {
  return new RegExp(`(.)\\1{${MAX_RUN_LENGTH}}`, 'iu').test(password);
}

/**
 * Whether the password holds a run longer than MAX_RUN_LENGTH going up or down the alphabet or
 * the digits (`abcd`, `4321`), or along a keyboard row either way (`qwer`, `lkjh`).
 */
export function hasSequenceRun(password: string): boolean {
  const text = password.toLowerCase();
  const runLength = MAX_RUN_LENGTH + 1;
  for (let i = 0; i + runLength <= text.length; i++) {
    const window = text.slice(i, i + runLength);
    if (isStepRun(window, 1) || isStepRun(window, -1)) return true;
    const reversed = [...window].reverse().join('');
    if (KEYBOARD_ROWS.some((row) => row.includes(window) || row.includes(reversed))) return true;
  }
  return false;
}

/** Letters or digits each `step` code points from the one before: `abcd` (1), `9876` (-1). */
function isStepRun(window: string, step: number): boolean {
  if (!/^([a-z]+|[0-9]+)$/.test(window)) return false;
  for (let i = 1; i < window.length; i++) if (window.charCodeAt(i) - window.charCodeAt(i - 1) !== step) return false;
  return true;
}

/** Problems with a new password, in Chinese; empty when it is acceptable. */
export function passwordProblems(
  password: string,
  username: string,
  isCommon: (password: string) => boolean
): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`密码至少 ${MIN_PASSWORD_LENGTH} 个字符`);
  if (password.length > 128) problems.push('密码最多 128 个字符');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  if (hasRepeatRun(password))
    problems.push(`密码不能含有 ${MAX_RUN_LENGTH + 1} 个或更多连续相同的字符（如 aaaa、1111）`);
  if (hasSequenceRun(password))
    problems.push(`密码不能含有 ${MAX_RUN_LENGTH + 1} 个或更多连续的字母、数字或键盘字符（如 abcd、4321、qwer）`);
  if (isCommon(password.toLowerCase())) problems.push('该密码过于常见，容易被猜中，请换一个');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}

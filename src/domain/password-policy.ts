/**
 * Password rules (等保 2.0 level 3, ASVS level 2): at least 8 characters with 3 of the 4
 * character classes, not a common password, not the username.
 */

export const MIN_PASSWORD_LENGTH = 8;

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
  if (isCommon(password.toLowerCase())) problems.push('该密码过于常见，容易被猜中，请换一个');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}

/**
 * A contact phone as offices write them: 020-84822345, 13800138000, +86 138 0013 8000,
 * 84822345转123. Digits with the usual separators; 7 to 20 digits in all.
 */
export function phoneProblem(phone: string): string | undefined {
  const text = phone.trim();
  if (text === '') return undefined;
  if (!/^[0-9+()\s\-转]+$/.test(text)) return '电话只能包含数字、空格、连字符、括号、加号或“转”';
  const digits = text.replace(/\D/g, '').length;
  if (digits < 7 || digits > 20) return '电话应为 7–20 位数字';
  return undefined;
}

/** Whether a phone is a mainland mobile number (11 digits from 1), for forms that ask office and mobile apart. */
export function isMobilePhone(phone: string): boolean {
  return /^(\+?86)?1\d{10}$/.test(phone.replace(/[\s-]/g, ''));
}

import { isPhoneNumber } from './item-workflow.js';

/** Why a contact phone is refused, or undefined (blank is allowed): the same rule as an item's 联系电话. */
export function phoneProblem(phone: string): string | undefined {
  const text = phone.trim();
  if (text === '' || isPhoneNumber(text)) return undefined;
  return '电话格式不正确，应为手机号或带区号的固定电话';
}

/** Whether a phone is a mainland mobile number, for forms that ask office phone and mobile apart. */
export function isMobilePhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone.replace(/[\s()（）-]/g, ''));
}

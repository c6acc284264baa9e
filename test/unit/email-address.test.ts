import { describe, expect, it } from 'vitest';
import { isEmailAddress } from '../../src/domain/email-address.js';

describe('a registered person’s e-mail address', () => {
  it('accepts plain addresses, including Chinese government domains', () => {
    for (const address of ['xinxi@panyu.gov.cn', 'chen.xx@shawan.example.gov.cn', 'a+b@x.cn'])
      expect(isEmailAddress(address), address).toBe(true);
  });

  it('refuses display names, lists, spaces and addresses without a domain', () => {
    for (const address of [
      '陈 <chen@x.cn>',
      'a@x.cn;b@x.cn',
      'chen at x.cn',
      'chen@x',
      '@x.cn',
      `${'a'.repeat(250)}@x.cn`,
    ])
      expect(isEmailAddress(address), address).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordProblems } from '../../src/domain/password-policy.js';
import { isCommonPassword } from '../../src/services/auth/common-passwords.js';

const never = () => false;
const LENGTH = `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
const TOO_LONG = '密码最多 128 个字符';
const CLASSES = '密码须包含大写字母、小写字母、数字、符号中的至少三类';
const COMMON = '该密码过于常见，容易被猜中，请换一个';
const USERNAME = '密码不能包含用户名';

describe('password policy', () => {
  it('accepts a password of exactly the minimum length with three classes', () => {
    expect(passwordProblems('Abcdef12', 'zhangsan', never)).toEqual([]);
    expect(passwordProblems('Abcde12', 'zhangsan', never)).toEqual([LENGTH]);
  });

  it('accepts 128 characters and refuses 129', () => {
    expect(passwordProblems(`Aa1${'x'.repeat(125)}`, 'zhangsan', never)).toEqual([]);
    expect(passwordProblems(`Aa1${'x'.repeat(126)}`, 'zhangsan', never)).toEqual([TOO_LONG]);
  });

  it('needs three of the four classes, any three', () => {
    expect(passwordProblems('abcdefgh', 'zhangsan', never)).toEqual([CLASSES]);
    expect(passwordProblems('abcdEFGH', 'zhangsan', never)).toEqual([CLASSES]);
    expect(passwordProblems('abcd1234', 'zhangsan', never)).toEqual([CLASSES]);
    expect(passwordProblems('abcdEF12', 'zhangsan', never)).toEqual([]);
    expect(passwordProblems('abcdef1!', 'zhangsan', never)).toEqual([]);
    expect(passwordProblems('ABCDEF1!', 'zhangsan', never)).toEqual([]);
    expect(passwordProblems('abcdEF!!', 'zhangsan', never)).toEqual([]);
  });

  it('counts anything but ASCII letters and digits as a symbol, Chinese included', () => {
    expect(passwordProblems('abcd12信息', 'zhangsan', never)).toEqual([]);
    expect(passwordProblems('abcd12 x', 'zhangsan', never)).toEqual([]);
  });

  it('lists every problem at once', () => {
    expect(passwordProblems('abc', 'zhangsan', never)).toEqual([LENGTH, CLASSES]);
    expect(passwordProblems('', 'zhangsan', never)).toEqual([LENGTH, CLASSES]);
  });

  it('asks the common-password list in lower case', () => {
    const asked: string[] = [];
    const isCommon = (password: string) => {
      asked.push(password);
      return password === 'password1!';
    };
    expect(passwordProblems('PassWord1!', 'zhangsan', isCommon)).toEqual([COMMON]);
    expect(asked).toEqual(['password1!']);
  });

  it('refuses a password containing the username, whatever the case, and ignores an empty username', () => {
    expect(passwordProblems('Xzhangsan1', 'zhangsan', never)).toEqual([USERNAME]);
    expect(passwordProblems('ZhangSan#2024', 'zhangsan', never)).toEqual([USERNAME]);
    expect(passwordProblems('Abcdef12', 'ZHANGSAN', never)).toEqual([]);
    expect(passwordProblems('Abcdef12', '', never)).toEqual([]);
  });

  it('does not refuse a password that merely resembles the username', () => {
    // Containment is the rule: a password sharing most letters, but not the whole name, passes.
    expect(passwordProblems('Zhangsa#2024', 'zhangsan', never)).toEqual([]);
  });
});

describe('common passwords', () => {
  it('finds a listed password whatever its case and not an unlisted one', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('PASSWORD')).toBe(true);
    expect(isCommonPassword('Xq7#vLp2-govinfo')).toBe(false);
  });
});

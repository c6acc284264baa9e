import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordProblems } from '../../src/domain/password-policy.js';
import { isCommonPassword } from '../../src/services/auth/common-passwords.js';
import { oneTimePassword } from '../../src/services/auth/one-time-password.js';

const never = () => false;
const LENGTH = `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
const TOO_LONG = '密码最多 128 个字符';
const CLASSES = '密码须包含大写字母、小写字母、数字、符号中的至少三类';
const COMMON = '该密码过于常见，容易被猜中，请换一个';
const USERNAME = '密码不能包含用户名';
const REPEAT = '密码不能含有 4 个或更多连续相同的字符（如 aaaa、1111）';
const SEQUENCE = '密码不能含有 4 个或更多连续的字母、数字或键盘字符（如 abcd、4321、qwer）';
/** Filler without runs: `xzxz…`. */
const filler = (length: number) => 'xz'.repeat(length).slice(0, length);

describe('password policy', () => {
  it('accepts a password of exactly the minimum length with three classes', () => {
    expect(passwordProblems('Gkmpqs12', 'zhangsan', never)).toEqual([]);
    expect(passwordProblems('Gkmpq12', 'zhangsan', never)).toEqual([LENGTH]);
  });

  it('accepts 128 characters and refuses 129', () => {
    expect(passwordProblems(`Aa1${filler(125)}`, 'zhangsan', never)).toEqual([]);
    expect(passwordProblems(`Aa1${filler(126)}`, 'zhangsan', never)).toEqual([TOO_LONG]);
  });

  it('needs three of the four classes, any three', () => {
    expect(passwordProblems('gkmpqsvw', 'zhangsan', never)).toEqual([CLASSES]);
    expect(passwordProblems('gkmpQSVW', 'zhangsan', never)).toEqual([CLASSES]);
    expect(passwordProblems('gkmp1357', 'zhangsan', never)).toEqual([CLASSES]);
    expect(passwordProblems('gkmpQS13', 'zhangsan', never)).toEqual([]);
    expect(passwordProblems('gkmpqs1!', 'zhangsan', never)).toEqual([]);
    expect(passwordProblems('GKMPQS1!', 'zhangsan', never)).toEqual([]);
    expect(passwordProblems('gkmpQS!!', 'zhangsan', never)).toEqual([]);
  });

  it('counts anything but ASCII letters and digits as a symbol, Chinese included', () => {
    expect(passwordProblems('gkmp13信息', 'zhangsan', never)).toEqual([]);
    expect(passwordProblems('gkmp13 x', 'zhangsan', never)).toEqual([]);
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
    expect(passwordProblems('Gkmpqs12', 'ZHANGSAN', never)).toEqual([]);
    expect(passwordProblems('Gkmpqs12', '', never)).toEqual([]);
  });

  it('does not refuse a password that merely resembles the username', () => {
    // Containment is the rule: a password sharing most letters, but not the whole name, passes.
    expect(passwordProblems('Zhangsa#2024', 'zhangsan', never)).toEqual([]);
  });
});

describe('runs of one character or of a sequence', () => {
  it('refuses four or more of one character in a row, whatever the case, and accepts three', () => {
    // Issue 10: aaaaaaaa1A had three classes and passed.
    expect(passwordProblems('aaaaaaaa1A', 'zhangsan', never)).toEqual([REPEAT]);
    expect(passwordProblems('Gk#aAaA92', 'zhangsan', never)).toEqual([REPEAT]);
    expect(passwordProblems('Gk#1111pq', 'zhangsan', never)).toEqual([REPEAT]);
    expect(passwordProblems('Gk#aaa92q', 'zhangsan', never)).toEqual([]);
  });

  it('refuses four or more letters or digits in order, up or down, and accepts three', () => {
    for (const password of ['Gk#1234pq', 'Gk#4321pq', 'Gk#abcd92', 'Gk#DCBA92', 'Gk#wXyZ92', 'Gk#6789pq'])
      expect(passwordProblems(password, 'zhangsan', never), password).toEqual([SEQUENCE]);
    expect(passwordProblems('Gk#123pq9', 'zhangsan', never)).toEqual([]);
    expect(passwordProblems('Gk#abc92q', 'zhangsan', never)).toEqual([]);
    // Steps of two are no sequence a guesser tries first; a digit then letters is no run.
    expect(passwordProblems('Gk#1357pq', 'zhangsan', never)).toEqual([]);
    expect(passwordProblems('Gk#9abc2q', 'zhangsan', never)).toEqual([]);
  });

  it('refuses four or more neighbours along a keyboard row, either way', () => {
    for (const password of ['Qwer#2026', 'Gk#2asdf9', 'Gk#LKJH92', 'Gk#zxcv92', 'Gk7890#pq', 'Gk!@#$92q'])
      expect(passwordProblems(password, 'zhangsan', never), password).toEqual([SEQUENCE]);
    expect(passwordProblems('Qwe#r2026', 'zhangsan', never)).toEqual([]);
  });

  it('accepts the passwords the tests and fixtures use', () => {
    for (const password of [
      'Xin-Xi#2026ok',
      'Another#Pass2026',
      'Gu4ng-Zhou#2026',
      'Renewed#Pass2026',
      'Second#Pass2026',
    ])
      expect(passwordProblems(password, 'zhangsan', never), password).toEqual([]);
  });
});

describe('one-time passwords', () => {
  it('are never refused by the policy, whatever the random draw', () => {
    for (let i = 0; i < 2000; i++) {
      const password = oneTimePassword('admin');
      expect(passwordProblems(password, 'admin', isCommonPassword), password).toEqual([]);
    }
  });
});

describe('common passwords', () => {
  it('finds a listed password whatever its case and not an unlisted one', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('PASSWORD')).toBe(true);
    expect(isCommonPassword('Xq7#vLp2-govinfo')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordProblems } from '../../src/domain/password-policy.js';

const never = () => false;

describe('passwordProblems', () => {
  it('accepts exactly the minimum length and exactly 128 characters, refuses one under and one over', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(8);
    expect(passwordProblems('Abcdef1!', 'chen', never)).toEqual([]);
    expect(passwordProblems(`Ab1${'x'.repeat(125)}`, 'chen', never)).toEqual([]);
    expect(passwordProblems('Abcde1!', 'chen', never)).toEqual(['密码至少 8 个字符']);
    expect(passwordProblems(`Ab1${'x'.repeat(126)}`, 'chen', never)).toEqual(['密码最多 128 个字符']);
  });

  it('needs three of the four character classes: two are not enough, any three are', () => {
    expect(passwordProblems('abcdefgh12', 'chen', never)).toEqual(['密码须包含大写字母、小写字母、数字、符号中的至少三类']);
    for (const password of ['abcdefG1', 'abcdefg!1', 'ABCDEFG!1', 'abcdefG!']) expect(passwordProblems(password, 'chen', never), password).toEqual([]);
    expect(passwordProblems('', 'chen', never)).toEqual(['密码至少 8 个字符', '密码须包含大写字母、小写字母、数字、符号中的至少三类']);
  });

  it('refuses a common password, asked in lower case', () => {
    const asked: string[] = [];
    expect(passwordProblems('Password1!', 'chen', (p) => (asked.push(p), p === 'password1!'))).toEqual(['该密码过于常见，容易被猜中，请换一个']);
    expect(asked).toEqual(['password1!']);
  });

  it('refuses a password containing the username in any case, unless there is no username', () => {
    expect(passwordProblems('xxCHEN12!', 'chen', never)).toEqual(['密码不能包含用户名']);
    expect(passwordProblems('xxCHEN12!', '', never)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { hasForbiddenCharacters } from '../../src/domain/text-characters.js';
import { forbiddenTextPath } from '../../src/server/plugins/text-characters.js';

describe('hasForbiddenCharacters', () => {
  it('finds a NUL and a lone high or low surrogate anywhere, and passes whole characters', () => {
    for (const text of ['\u0000', 'a\u0000', '\ud800', 'a\ud800b', '\udc00', 'a\udfff', '👍\ud83d', '\udc4d👍'])
      expect(hasForbiddenCharacters(text), JSON.stringify(text)).toBe(true);
    for (const text of ['', '政务信息', '👍', 'a👍b', '\u0001\t\n', '\uffff'])
      expect(hasForbiddenCharacters(text), JSON.stringify(text)).toBe(false);
  });
});

describe('forbiddenTextPath', () => {
  it('answers the JSON pointer of the first refused text, in values, arrays and keys', () => {
    expect(forbiddenTextPath({ title: 'ok', units: ['沙湾镇', '石基\u0000镇'] })).toBe('/units/1');
    expect(forbiddenTextPath({ nested: { ['k\ud800']: 1 } })).toBe('/nested');
    expect(forbiddenTextPath('\ud800')).toBe('');
    expect(forbiddenTextPath({ title: 'ok', count: 3, none: null })).toBeUndefined();
    expect(forbiddenTextPath(undefined)).toBeUndefined();
  });

  // The hostile-input run found a walk that copied the path at every level: a body 100,000 levels
  // deep held a request for minutes. This one is linear, so 200,000 levels pass within the test's time.
  it('walks a deeply nested body without overflowing the stack, and names at most 10 levels', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(forbiddenTextPath(deep)).toBe(`${'/0'.repeat(10)}/…`);
    let clean: unknown = 1;
    for (let i = 0; i < 200_000; i++) clean = { a: clean };
    expect(forbiddenTextPath(clean)).toBeUndefined();
  });
});

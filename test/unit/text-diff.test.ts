import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffText, editedOf, originalOf } from '../../src/domain/text-diff.js';

describe('diffText: what an editor changed in a unit text', () => {
  it('an unchanged text is one kept run; an empty one is all inserted or all deleted', () => {
    expect(diffText('沙湾镇推进古镇保护', '沙湾镇推进古镇保护')).toEqual([{ op: 'same', text: '沙湾镇推进古镇保护' }]);
    expect(diffText('', '新增')).toEqual([{ op: 'ins', text: '新增' }]);
    expect(diffText('删去', '')).toEqual([{ op: 'del', text: '删去' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('marks a replaced word as deleted then inserted, and keeps the rest', () => {
    expect(diffText('我镇积极推进古镇保护工作', '沙湾镇扎实推进古镇保护')).toEqual([
      { op: 'del', text: '我' },
      { op: 'ins', text: '沙湾' },
      { op: 'same', text: '镇' },
      { op: 'del', text: '积极' },
      { op: 'ins', text: '扎实' },
      { op: 'same', text: '推进古镇保护' },
      { op: 'del', text: '工作' },
    ]);
  });

  it('counts characters outside the Basic Multilingual Plane as one', () => {
    expect(diffText('𠀋甲', '𠀋乙')).toEqual([
      { op: 'same', text: '𠀋' },
      { op: 'del', text: '甲' },
      { op: 'ins', text: '乙' },
    ]);
  });

  it('always rebuilds both texts, and keeps a longest common subsequence', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (a, b) => {
        const segments = diffText(a, b);
        expect(originalOf(segments)).toBe(a);
        expect(editedOf(segments)).toBe(b);
        for (let k = 1; k < segments.length; k++) expect(segments[k].op).not.toBe(segments[k - 1].op);
      })
    );
    const kept = diffText('abcbdab', 'bdcaba').filter((s) => s.op === 'same');
    expect(kept.map((s) => s.text).join('')).toHaveLength(4);
  });

  it('diffs a 450-character body quickly', () => {
    const body = '区政府召开常务会议，研究部署防汛工作。'.repeat(24);
    const edited = body.replace(/防汛/g, '防汛防旱').slice(0, 440);
    const started = performance.now();
    const segments = diffText(body, edited);
    expect(performance.now() - started).toBeLessThan(500);
    expect(editedOf(segments)).toBe(edited);
  });
});

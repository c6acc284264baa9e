import { describe, expect, it } from 'vitest';
import {
  candidateRanges,
  findSimilar,
  jaccard,
  normalizeTitle,
  titleBigrams,
  titleSimilarity,
} from '../../src/domain/title-similarity.js';

describe('title similarity (duplicate warnings)', () => {
  it('leaves out the （政务信息） mark, punctuation and spaces, in either bracket style', () => {
    expect(normalizeTitle('沙湾镇扎实推进防汛防风工作（政务信息）')).toBe('沙湾镇扎实推进防汛防风工作');
    expect(normalizeTitle('沙湾镇 “防汛”工作, 100%(政务信息)')).toBe('沙湾镇防汛工作100');
    expect(normalizeTitle('GDP Growth')).toBe('gdpgrowth');
  });

  it('takes distinct character bigrams; one character is its own token; nothing is empty', () => {
    expect([...titleBigrams('防汛防汛')]).toEqual(['防汛', '汛防']);
    expect([...titleBigrams('汛')]).toEqual(['汛']);
    expect(titleBigrams('（政务信息）').size).toBe(0);
  });

  it('is the Jaccard index of the bigram sets: 1 for the same title, 0 for nothing shared or empty', () => {
    expect(titleSimilarity('沙湾镇推进防汛工作（政务信息）', '沙湾镇推进防汛工作')).toBe(1);
    expect(titleSimilarity('沙湾镇推进防汛工作', '区教育局开展校园安全检查')).toBe(0);
    expect(titleSimilarity('（政务信息）', '（政务信息）')).toBe(0);
    expect(jaccard(new Set(['ab', 'bc']), new Set(['bc', 'cd']))).toBeCloseTo(1 / 3);
  });

  it('finds a reworded title alike, and two titles sharing only the unit name not alike', () => {
    // 沙湾镇扎实推进防汛防风工作 vs 沙湾镇扎实推进防汛工作: 10 shared of 13 bigrams.
    expect(
      titleSimilarity('沙湾镇扎实推进防汛防风工作（政务信息）', '沙湾镇扎实推进防汛工作（政务信息）')
    ).toBeGreaterThanOrEqual(0.5);
    expect(titleSimilarity('沙湾镇扎实推进防汛防风工作', '沙湾镇举办文化节')).toBeLessThan(0.5);
  });

  it('matches only other items within ±30 days, most alike first, at the threshold inclusive', () => {
    const subject = { id: 1, title: '沙湾镇扎实推进防汛防风工作', submitted: '2026-03-20' };
    const candidates = [
      subject,
      { id: 2, title: '沙湾镇扎实推进防汛工作', submitted: '2026-04-19' },
      { id: 3, title: '沙湾镇扎实推进防汛防风工作', submitted: '2026-02-18' },
      { id: 4, title: '沙湾镇扎实推进防汛防风工作', submitted: '2026-04-20' },
      { id: 5, title: '区教育局开展校园安全检查', submitted: '2026-03-20' },
      { id: 6, title: 'abcd', submitted: '2026-03-20' },
    ];
    const found = findSimilar([subject], candidates).get(1)!;
    expect(found.map((m) => m.item.id)).toEqual([3, 2]);
    expect(found[0].score).toBe(1);
    // ab bc cd vs ab bc: 2/3 ≥ 0.5; with threshold 0.7 it is not alike.
    const abc = { id: 7, title: 'abc', submitted: '2026-03-20' };
    expect(
      findSimilar([abc], candidates)
        .get(7)!
        .map((m) => m.item.id)
    ).toEqual([6]);
    expect(findSimilar([abc], candidates, { threshold: 0.7 }).get(7)).toEqual([]);
    expect(
      findSimilar([{ id: 8, title: 'ab', submitted: '2026-03-20' }], [{ id: 9, title: 'abc', submitted: '2026-03-20' }])
        .get(8)!
        .map((m) => m.score)
    ).toEqual([0.5]);
  });

  it('reads candidates from merged windows: one range for dates close together', () => {
    expect(candidateRanges(['2026-03-20', '2026-03-01', '2026-03-20'])).toEqual([
      { from: '2026-01-30', to: '2026-04-19' },
    ]);
    expect(candidateRanges(['2026-01-01', '2026-06-01'])).toEqual([
      { from: '2025-12-02', to: '2026-01-31' },
      { from: '2026-05-02', to: '2026-07-01' },
    ]);
    expect(candidateRanges([])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { competitionRanks } from '../../src/domain/ranking.js';

describe('competition ranking (scoring.md: ties share a rank, the next rank is skipped)', () => {
  const ranks = (points: number[]) => {
    const entries = points.map((p, i) => ({ i, p }));
    const map = competitionRanks(entries, (e) => e.p);
    return entries.map((e) => map.get(e));
  };

  it('ranks highest first', () => expect(ranks([3, 9, 5])).toEqual([3, 1, 2]));
  it('gives ties one rank and skips the next: 1, 1, 3', () => expect(ranks([10, 10, 4])).toEqual([1, 1, 3]));
  it('handles a tie below the top, negatives and all-equal', () => {
    expect(ranks([8, 5, 5, 5, -5])).toEqual([1, 2, 2, 2, 5]);
    expect(ranks([0, 0, 0])).toEqual([1, 1, 1]);
  });
  it('ranks nothing when empty', () => expect(competitionRanks([], () => 0).size).toBe(0));
});

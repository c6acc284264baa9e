/**
 * Competition ranking ("1224"), as scoring.md ranks a series: highest points first, equal points
 * share a rank and the ranks after a tie are skipped (1, 1, 3).
 */
export function competitionRanks<T>(entries: readonly T[], points: (entry: T) => number): Map<T, number> {
  const sorted = [...entries].sort((a, b) => points(b) - points(a));
  const ranks = new Map<T, number>();
  sorted.forEach((entry, index) => {
    const previous = sorted[index - 1];
    ranks.set(entry, previous !== undefined && points(previous) === points(entry) ? ranks.get(previous)! : index + 1);
  });
  return ranks;
}

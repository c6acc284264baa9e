/**
 * Duplicate warnings: two items "look alike" when their titles share most of their character
 * pairs. Chinese has no spaces between words, so character bigrams stand in for words; the
 * （政务信息） mark every title carries, punctuation and spaces are left out first, or every pair of
 * titles would share them.
 */
import { addDays, type IsoDate } from './dates.js';

/** Titles at least this similar (Jaccard over character bigrams) are flagged as possible duplicates. */
export const SIMILAR_TITLE_THRESHOLD = 0.5;

/** Candidates are items submitted within this many days before or after the item. */
export const SIMILAR_WINDOW_DAYS = 30;

/** The title without the （政务信息） mark, punctuation or spaces; Latin letters in lower case. */
export function normalizeTitle(title: string): string {
  return title
    .replace(/[（(]\s*政务信息\s*[)）]/g, '')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The title's distinct character bigrams; a one-character title is its own single token. */
export function titleBigrams(title: string): Set<string> {
  const chars = Array.from(normalizeTitle(title));
  const grams = new Set<string>();
  if (chars.length === 1) grams.add(chars[0]);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return grams;
}

/** |A ∩ B| / |A ∪ B|; two empty sets are not alike (0). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return shared / (a.size + b.size - shared);
}

export function titleSimilarity(a: string, b: string): number {
  return jaccard(titleBigrams(a), titleBigrams(b));
}

export interface TitledItem {
  id: number;
  title: string;
  submitted: IsoDate;
}

export interface SimilarMatch<T> {
  item: T;
  /** Jaccard similarity, 0..1. */
  score: number;
}

/**
 * For each subject, the candidates (other than itself) submitted within the window whose titles
 * are at least `threshold` alike, most alike first.
 */
export function findSimilar<S extends TitledItem, C extends TitledItem>(
  subjects: readonly S[],
  candidates: readonly C[],
  {
    threshold = SIMILAR_TITLE_THRESHOLD,
    windowDays = SIMILAR_WINDOW_DAYS,
  }: { threshold?: number; windowDays?: number } = {}
): Map<number, SimilarMatch<C>[]> {
  const grams = new Map<number, Set<string>>();
  const gramsOf = (item: TitledItem) => {
    let set = grams.get(item.id);
    if (!set) grams.set(item.id, (set = titleBigrams(item.title)));
    return set;
  };
  const result = new Map<number, SimilarMatch<C>[]>();
  for (const subject of subjects) {
    const from = addDays(subject.submitted, -windowDays);
    const to = addDays(subject.submitted, windowDays);
    const own = gramsOf(subject);
    const matches: SimilarMatch<C>[] = [];
    for (const candidate of candidates) {
      if (candidate.id === subject.id || candidate.submitted < from || candidate.submitted > to) continue;
      const score = jaccard(own, gramsOf(candidate));
      if (score >= threshold) matches.push({ item: candidate, score });
    }
    matches.sort((a, b) => b.score - a.score || a.item.id - b.item.id);
    result.set(subject.id, matches);
  }
  return result;
}

/**
 * The date ranges to read candidates from: each subject's window, overlapping windows merged,
 * so a page of items submitted close together costs one query.
 */
export function candidateRanges(
  dates: readonly IsoDate[],
  windowDays = SIMILAR_WINDOW_DAYS
): { from: IsoDate; to: IsoDate }[] {
  const sorted = [...new Set(dates)].sort();
  const ranges: { from: IsoDate; to: IsoDate }[] = [];
  for (const date of sorted) {
    const from = addDays(date, -windowDays);
    const to = addDays(date, windowDays);
    const last = ranges[ranges.length - 1];
    if (last && from <= last.to) last.to = to > last.to ? to : last.to;
    else ranges.push({ from, to });
  }
  return ranges;
}

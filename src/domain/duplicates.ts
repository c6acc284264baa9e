/**
 * 疑似重复: when two items sent to the district are worth a second look. Templated titles are
 * shared by many units (every town reports 防汛防风 in the flood season), so a look-alike title
 * alone means something only within one unit (the same matter sent twice); across units only a
 * near-identical body does (one text sent by two units).
 */
import { addDays, type IsoDate } from './dates.js';
import { jaccard, SIMILAR_TITLE_THRESHOLD, SIMILAR_WINDOW_DAYS, titleBigrams } from './title-similarity.js';

/** Bodies at least this alike (Jaccard over character bigrams) are near-identical. */
export const SIMILAR_BODY_THRESHOLD = 0.8;
/** Shorter bodies only count when identical: a few shared words are not a copy. */
export const MIN_COMPARED_BODY = 20;

export interface DuplicateSubject {
  id: number;
  unitId: number;
  /** The unit's name: titles start with it, so within a unit it says nothing and is left out. */
  unitName?: string;
  title: string;
  body: string | null;
  submitted: IsoDate;
}

export type DuplicateReason = 'title' | 'body';

export interface DuplicateMatch<T> {
  item: T;
  /** 0..1: the title's similarity (same unit) or the body's, whichever is higher. */
  score: number;
  /** Why: a look-alike title from the same unit, or a near-identical body. */
  reason: DuplicateReason;
}

/** The title without the unit's name (wherever it appears). */
export function withoutUnitName(title: string, unitName: string | undefined): string {
  return unitName ? title.split(unitName).join('') : title;
}

/** The body without white space and punctuation, so re-wrapped or re-punctuated copies still match. */
export function normalizeBody(body: string | null): string {
  return (body ?? '').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

function bigrams(text: string): Set<string> {
  const chars = Array.from(text);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return grams;
}

/** How alike two normalized bodies are: 1 when identical (and not empty), else their bigram Jaccard when both are long enough. */
export function bodySimilarity(a: string, b: string, gramsOf: (text: string) => Set<string> = bigrams): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  if (a.length < MIN_COMPARED_BODY || b.length < MIN_COMPARED_BODY) return 0;
  // Jaccard is at most the smaller set over the larger: skip the sets when lengths rule it out.
  if (Math.min(a.length, b.length) / Math.max(a.length, b.length) < SIMILAR_BODY_THRESHOLD) return 0;
  return jaccard(gramsOf(a), gramsOf(b));
}

/**
 * For each subject, the candidates (not itself) submitted within the window that are suspected
 * duplicates, most alike first: same unit with a title at least SIMILAR_TITLE_THRESHOLD alike, or
 * any unit with a body at least SIMILAR_BODY_THRESHOLD alike.
 */
export function findDuplicates<S extends DuplicateSubject, C extends DuplicateSubject>(
  subjects: readonly S[],
  candidates: readonly C[],
  windowDays = SIMILAR_WINDOW_DAYS
): Map<number, DuplicateMatch<C>[]> {
  const titles = new Map<number, Set<string>>();
  const titleGrams = (item: DuplicateSubject) => {
    let set = titles.get(item.id);
    if (!set) titles.set(item.id, (set = titleBigrams(withoutUnitName(item.title, item.unitName))));
    return set;
  };
  const bodies = new Map<number, string>();
  const body = (item: DuplicateSubject) => {
    let text = bodies.get(item.id);
    if (text === undefined) bodies.set(item.id, (text = normalizeBody(item.body)));
    return text;
  };
  const bodyGrams = new Map<string, Set<string>>();
  const gramsOf = (text: string) => {
    let set = bodyGrams.get(text);
    if (!set) bodyGrams.set(text, (set = bigrams(text)));
    return set;
  };
  const result = new Map<number, DuplicateMatch<C>[]>();
  for (const subject of subjects) {
    const from = addDays(subject.submitted, -windowDays);
    const to = addDays(subject.submitted, windowDays);
    const matches: DuplicateMatch<C>[] = [];
    for (const candidate of candidates) {
      if (candidate.id === subject.id || candidate.submitted < from || candidate.submitted > to) continue;
      const bodyScore = bodySimilarity(body(subject), body(candidate), gramsOf);
      const titleScore = candidate.unitId === subject.unitId ? jaccard(titleGrams(subject), titleGrams(candidate)) : 0;
      if (bodyScore >= SIMILAR_BODY_THRESHOLD && bodyScore >= titleScore)
        matches.push({ item: candidate, score: bodyScore, reason: 'body' });
      else if (titleScore >= SIMILAR_TITLE_THRESHOLD)
        matches.push({ item: candidate, score: titleScore, reason: 'title' });
    }
    matches.sort((a, b) => b.score - a.score || a.item.id - b.item.id);
    result.set(subject.id, matches);
  }
  return result;
}

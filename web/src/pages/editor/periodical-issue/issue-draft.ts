/** The issue editor's working copy: its items in order, and the edits a page makes to it (pure, unit-tested). */
import type { CandidateItem, IssueDetail, IssueItemInput } from '@shared/api/periodicals';

export interface DraftItem extends IssueItemInput {
  ref: string;
  unit: string;
  originalTitle: string;
  originalBody: string;
}

export interface IssueDraft {
  year: number;
  number: number;
  date: string;
  items: DraftItem[];
}

export function draftOf(issue: IssueDetail): IssueDraft {
  return {
    year: issue.year,
    number: issue.number,
    date: issue.date,
    items: issue.items.map((i) => ({
      itemId: i.itemId,
      ref: i.ref,
      unit: i.unit,
      title: i.title,
      body: i.body,
      kind: i.kind,
      originalTitle: i.originalTitle,
      originalBody: i.originalBody,
    })),
  };
}

/** A unit's title is marked （政务信息） for the office's inbox; the periodical prints it without. */
export function titleForPrint(title: string): string {
  return title.replace(/\s*[（(]政务信息[）)]\s*$/, '');
}

/** An item added to the issue starts as the unit wrote it. */
export function draftItemOf(candidate: CandidateItem): DraftItem {
  return {
    itemId: candidate.id,
    ref: candidate.ref,
    unit: candidate.unit,
    title: titleForPrint(candidate.title),
    body: candidate.body,
    kind: null,
    originalTitle: candidate.title,
    originalBody: candidate.body,
  };
}

/** The items with the one at `index` moved up (-1) or down (+1); unchanged at either end. */
export function moveItem<T>(items: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (target < 0 || target >= items.length) return [...items];
  const moved = [...items];
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
}

/** What PUT /api/periodicals/issues/:id takes. */
export function bodyOf(draft: IssueDraft, version: number) {
  return {
    version,
    year: draft.year,
    number: draft.number,
    date: draft.date,
    items: draft.items.map(({ itemId, title, body, kind }) => ({ itemId, title, body, kind: kind ?? null })),
  };
}

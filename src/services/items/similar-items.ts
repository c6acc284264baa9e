import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import {
  findSentItems,
  sentItemsSubmittedBetween,
  type SimilarCandidateRow,
} from '../../db/repositories/item.repository.js';
import { findDuplicates, type DuplicateReason } from '../../domain/duplicates.js';
import { candidateRanges, SIMILAR_WINDOW_DAYS } from '../../domain/title-similarity.js';
import { ITEM_STATUSES, type ItemStatus } from '../../shared/item-fields.js';
import { loadVisibleItem } from './item-access.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import type { SimilarItem } from '../../shared/api/items.js';

/**
 * How many candidates one date range may bring: with 10,000 items a ±30-day window holds a few
 * hundred, so the cap only bites on a burst; then the newest are compared, and the answer stays fast.
 */
export const SIMILAR_CANDIDATE_CAP = 3_000;

/** An item that looks like another, as GET /api/items/:id/similar answers it. */
export type SimilarItemView = SimilarItem;

const present = (row: SimilarCandidateRow, score: number, reason: DuplicateReason): SimilarItemView => ({
  id: row.id,
  ref: row.ref,
  title: row.title,
  submitted: row.submitted,
  status: row.status,
  statusName: ITEM_STATUSES[row.status as ItemStatus] ?? row.status,
  unit: { id: row.unit_id, name: row.unit },
  score: Math.round(score * 100) / 100,
  reason,
});

/** Suspected duplicates (same unit and look-alike title, or near-identical body) among items sent within the window. */
async function similarTo(
  db: Kysely<Database>,
  subjects: readonly SimilarCandidateRow[]
): Promise<Map<number, SimilarItemView[]>> {
  const candidates = new Map<number, SimilarCandidateRow>();
  for (const range of candidateRanges(
    subjects.map((s) => s.submitted),
    SIMILAR_WINDOW_DAYS
  )) {
    for (const row of await sentItemsSubmittedBetween(db, range.from, range.to, SIMILAR_CANDIDATE_CAP))
      candidates.set(row.id, row);
  }
  const asSubject = (row: SimilarCandidateRow) => ({ ...row, unitId: row.unit_id, unitName: row.unit });
  const matches = findDuplicates(subjects.map(asSubject), [...candidates.values()].map(asSubject));
  return new Map([...matches].map(([id, list]) => [id, list.map((m) => present(m.item, m.score, m.reason))]));
}

/** 疑似重复: items like this one, for its page (the district office; the item must be visible to it). */
export async function findSimilarItems(
  db: Kysely<Database>,
  user: ActingUser,
  itemId: number,
  now: Date
): Promise<SimilarItemView[]> {
  requireRole(user, ['editor', 'office_leader'], '查看疑似重复稿件');
  const item = await loadVisibleItem(db, user, itemId, now);
  const [subject] = await findSentItems(db, [item.id]);
  return subject ? ((await similarTo(db, [subject])).get(item.id) ?? []) : [];
}

/**
 * 疑似重复 for a page of the inbox: per item id, the items like it. Ids the district office
 * cannot see (not sent, or unknown) are left out, as if they did not exist.
 */
export async function findSimilarForItems(
  db: Kysely<Database>,
  user: ActingUser,
  itemIds: readonly number[]
): Promise<Record<string, SimilarItemView[]>> {
  requireRole(user, ['editor', 'office_leader'], '查看疑似重复稿件');
  const ids = [...new Set(itemIds)];
  const matches = await similarTo(db, await findSentItems(db, ids));
  return Object.fromEntries([...matches].filter(([, list]) => list.length > 0).map(([id, list]) => [String(id), list]));
}

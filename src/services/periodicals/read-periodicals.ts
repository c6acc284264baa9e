import type { Kysely } from 'kysely';
import { todayInChina } from '../../domain/dates.js';
import { issueLine, nextIssueNumber } from '../../domain/periodical-issue.js';
import type { Database } from '../../db/database.js';
import {
  candidateItems,
  findPeriodical,
  issueEvents,
  issueItemCounts,
  issueItems,
  itemsWithUnits,
  listIssues,
  listPeriodicals,
  maxIssueNumber,
} from '../../db/repositories/periodical.repository.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import type {
  CandidateItem,
  IssueDetail,
  IssueStatus,
  IssueSummary,
  Periodical,
} from '../../shared/api/periodicals.js';
import type { PeriodicalIssueRow } from '../../db/tables/periodical.table.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { loadIssue, presentPeriodical, requireDistrict } from './periodical-access.js';

export async function listPeriodicalsFor(db: Kysely<Database>, user: ActingUser, now: Date): Promise<Periodical[]> {
  requireDistrict(user);
  const policies = await listPolicies(db);
  return (await listPeriodicals(db)).map((row) => presentPeriodical(row, policies, todayInChina(now)));
}

/** The number a new issue of the year would take. */
export async function nextNumberFor(
  db: Kysely<Database>,
  user: ActingUser,
  periodicalId: number,
  year: number
): Promise<{ number: number }> {
  requireDistrict(user);
  if (!(await findPeriodical(db, periodicalId))) throw new ServiceError('not_found', '刊物不存在');
  return { number: nextIssueNumber(await maxIssueNumber(db, periodicalId, year)) };
}

const CANDIDATE_LIMIT = 100;

export async function listCandidates(
  db: Kysely<Database>,
  user: ActingUser,
  query: string | undefined
): Promise<CandidateItem[]> {
  requireDistrict(user);
  const rows = await candidateItems(db, query?.trim() || undefined, CANDIDATE_LIMIT);
  return rows.map((r) => ({ ...r, body: r.body ?? '' }));
}

function summaryOf(issue: PeriodicalIssueRow, itemCount: number): IssueSummary {
  return {
    id: issue.id,
    periodicalId: issue.periodical_id,
    year: issue.year,
    number: issue.number,
    issueLine: issueLine(issue.year, issue.number),
    date: issue.date,
    status: issue.status as IssueStatus,
    itemCount,
    updatedAt: issue.updated_at,
    version: issue.version,
  };
}

export async function listIssuesFor(
  db: Kysely<Database>,
  user: ActingUser,
  periodicalId: number | undefined
): Promise<IssueSummary[]> {
  requireDistrict(user);
  const counts = await issueItemCounts(db);
  return (await listIssues(db, periodicalId)).map((issue) => summaryOf(issue, counts.get(issue.id) ?? 0));
}

export async function readIssue(db: Kysely<Database>, user: ActingUser, id: number): Promise<IssueDetail> {
  requireDistrict(user);
  const { issue, periodical } = await loadIssue(db, id);
  const rows = await issueItems(db, id);
  const originals = new Map(
    (
      await itemsWithUnits(
        db,
        rows.map((r) => r.item_id)
      )
    ).map((i) => [i.id, i])
  );
  const history = (await issueEvents(db, id)).map(({ at, actor, action, comment }) => ({ at, actor, action, comment }));
  const lastReturn = [...history].reverse().find((e) => e.action === 'return');
  return {
    ...summaryOf(issue, rows.length),
    periodical: presentPeriodical(periodical, await listPolicies(db), issue.date),
    items: rows.map((r) => {
      const original = originals.get(r.item_id)!;
      return {
        itemId: r.item_id,
        ref: original.ref,
        unit: original.unit,
        title: r.title,
        body: r.body,
        kind: r.kind,
        originalTitle: original.title,
        originalBody: original.body ?? '',
        adoptionId: r.adoption_id,
      };
    }),
    history,
    returnComment: issue.status === 'returned' ? (lastReturn?.comment ?? null) : null,
  };
}

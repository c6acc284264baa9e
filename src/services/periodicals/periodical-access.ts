import { isIsoDate } from '../../domain/dates.js';
import { isGradedByKind } from '../../domain/policy-vocabulary.js';
import { policyInForce, type Policy } from '../../domain/policy.js';
import { isDistrictRole } from '../../domain/permissions.js';
import type { Db } from '../../db/database.js';
import {
  findIssue,
  findPeriodical,
  insertIssueEvent,
  lockPeriodical,
} from '../../db/repositories/periodical.repository.js';
import type { PeriodicalIssueRow, PeriodicalRow } from '../../db/tables/periodical.table.js';
import type { Periodical } from '../../shared/api/periodicals.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';

/** Periodicals are the district office's own work: units never see them. */
export function requireDistrict(user: ActingUser): void {
  if (!isDistrictRole(user.role)) throw new ServiceError('forbidden', '当前账号无权查看刊物');
}

export async function loadIssue(
  db: Db,
  id: number,
  options: { lockPeriodical?: boolean } = {}
): Promise<{ issue: PeriodicalIssueRow; periodical: PeriodicalRow }> {
  const issue = await findIssue(db, id);
  if (!issue) throw new ServiceError('not_found', '刊物期次不存在');
  // Publishing records adoptions in the periodical's outlet: the outlet must not change meanwhile.
  if (options.lockPeriodical) await lockPeriodical(db, issue.periodical_id);
  const periodical = (await findPeriodical(db, issue.periodical_id))!;
  return { issue, periodical };
}

/** Refuses a stale version (optimistic locking), as the other workflows do. */
export function requireVersion(issue: PeriodicalIssueRow, version: number): void {
  if (issue.version !== version)
    throw new ServiceError('conflict', '该期刊物已被他人修改，请刷新后重试', { currentVersion: issue.version });
}

/** The policy in force on `date`, or the latest one when the date is not valid or precedes every policy. */
export function policyOn(policies: readonly Policy[], date: string): Policy {
  return (
    (isIsoDate(date) ? policyInForce(policies, date) : undefined) ??
    [...policies].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0]
  );
}

/** A periodical as the pages show it: its outlet's name and, where the outlet grades by kind, the kinds. */
export function presentPeriodical(row: PeriodicalRow, policies: readonly Policy[], date: string): Periodical {
  const policy = policyOn(policies, date);
  const graded = isGradedByKind(policies, date, row.outlet);
  return {
    id: row.id,
    name: row.name,
    subtitle: row.subtitle,
    outlet: row.outlet,
    outletName: policy.outlets[row.outlet]?.name ?? row.outlet,
    issuer: row.issuer,
    kinds: graded ? Object.entries(policy.kinds).map(([code, name]) => ({ code, name })) : [],
    version: row.version,
  };
}

/** 《番府信息》(政务动态): the periodical's name as the messages say it. */
export function periodicalTitle(row: PeriodicalRow): string {
  return `《${row.name}》${row.subtitle ? `(${row.subtitle})` : ''}`;
}

export async function recordIssueEvent(
  db: Db,
  issueId: number,
  user: ActingUser,
  action: string,
  now: Date,
  comment: string | null = null
): Promise<void> {
  await insertIssueEvent(db, {
    issue_id: issueId,
    at: now.toISOString(),
    actor_id: user.id,
    actor: user.displayName,
    action,
    comment,
  });
}

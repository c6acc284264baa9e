import type { Kysely } from 'kysely';
import { isEditable, ISSUE_STATUSES, type IssueStatus } from '../../domain/periodical-issue.js';
import type { Database, Db } from '../../db/database.js';
import { issueItems, updateIssue } from '../../db/repositories/periodical.repository.js';
import type { PeriodicalIssueRow } from '../../db/tables/periodical.table.js';
import type { Role } from '../../shared/roles.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { loadIssue, recordIssueEvent, requireVersion } from './periodical-access.js';

/** One step of an issue's approval: who takes it, from which states, to which. */
interface Step {
  action: 'submit' | 'approve' | 'return';
  role: Role;
  what: string;
  from: (status: string) => boolean;
  to: IssueStatus;
}

const STEPS: Record<Step['action'], Step> = {
  submit: { action: 'submit', role: 'editor', what: '送审刊物', from: isEditable, to: 'submitted' },
  approve: {
    action: 'approve',
    role: 'office_leader',
    what: '审批刊物',
    from: (s) => s === 'submitted',
    to: 'approved',
  },
  return: { action: 'return', role: 'office_leader', what: '退回刊物', from: (s) => s === 'submitted', to: 'returned' },
};

/** Moves an issue one step, recording the event and the audit entry in the same transaction. */
async function takeStep(
  db: Kysely<Database>,
  user: ActingUser,
  step: Step,
  id: number,
  version: number,
  now: Date,
  comment: string | null,
  check?: (trx: Db, issue: PeriodicalIssueRow) => Promise<void>
): Promise<void> {
  requireRole(user, [step.role], step.what);
  await db.transaction().execute(async (trx) => {
    const { issue } = await loadIssue(trx, id);
    requireVersion(issue, version);
    if (!step.from(issue.status))
      throw new ServiceError(
        'conflict',
        `该期刊物${ISSUE_STATUSES[issue.status as IssueStatus] ?? issue.status}，不能${step.what}`
      );
    await check?.(trx, issue);
    if (!(await updateIssue(trx, id, version, { status: step.to, updated_at: now.toISOString() })))
      throw new ServiceError('conflict', '该期刊物已被他人修改，请刷新后重试');
    await recordIssueEvent(trx, id, user, step.action, now, comment);
    await appendAudit(
      trx,
      user,
      {
        action: `${step.action}_periodical_issue`,
        objectType: 'periodical_issue',
        objectId: id,
        outcome: 'ok',
        before: { status: issue.status },
        after: { status: step.to, ...(comment ? { comment } : {}) },
      },
      now
    );
  });
}

/** The editor sends an issue with at least one item to the office leader. */
export async function submitIssue(db: Kysely<Database>, user: ActingUser, id: number, version: number, now: Date) {
  await takeStep(db, user, STEPS.submit, id, version, now, null, async (trx) => {
    if ((await issueItems(trx, id)).length === 0)
      throw new ServiceError('invalid', '本期尚未编入稿件，不能送审', { field: 'items', label: '稿件' });
  });
}

export async function approveIssue(db: Kysely<Database>, user: ActingUser, id: number, version: number, now: Date) {
  await takeStep(db, user, STEPS.approve, id, version, now, null);
}

/** The office leader returns an issue to the editor; the comment says why. */
export async function returnIssue(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  comment: string | undefined,
  now: Date
) {
  requireRole(user, ['office_leader'], '退回刊物');
  const reason = comment?.trim();
  if (!reason) throw new ServiceError('invalid', '退回须填写意见', { field: 'comment', label: '意见' });
  await takeStep(db, user, STEPS.return, id, version, now, reason);
}

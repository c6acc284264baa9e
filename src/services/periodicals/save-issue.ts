import type { Kysely } from 'kysely';
import { isIsoDate } from '../../domain/dates.js';
import { isEditable, issueLine, nextIssueNumber } from '../../domain/periodical-issue.js';
import { isGradedByKind, isKnownTerm, unknownTermMessage } from '../../domain/policy-vocabulary.js';
import { earliestPolicyDate } from '../../domain/policy.js';
import type { Database, Db } from '../../db/database.js';
import {
  findIssueByNumber,
  findPeriodical,
  insertIssue,
  itemsWithUnits,
  maxIssueNumber,
  replaceIssueItems,
  updateIssue,
} from '../../db/repositories/periodical.repository.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import type { PeriodicalRow } from '../../db/tables/periodical.table.js';
import type { IssueItemInput } from '../../shared/api/periodicals.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { loadIssue, periodicalTitle, policyOn, recordIssueEvent, requireVersion } from './periodical-access.js';
import { isUniqueViolation } from '../../db/unique-violation.js';

export interface IssueInput {
  year: number;
  number?: number;
  date: string;
  items: IssueItemInput[];
}

interface CheckedItem {
  item_id: number;
  title: string;
  body: string;
  kind: string | null;
}

/** Whether the district office has the item: received or adopted, or imported from a ledger (which arrives received). */
export const isReceived = (item: { status: string; origin: string }) =>
  item.origin === 'ledger' || item.status === 'received' || item.status === 'adopted';

/**
 * Checks an issue's date and items: a date of the issue's year under a policy; each item once, one
 * the district office has received, and with a kind of the policy exactly where the outlet grades by kind.
 */
async function checkedIssue(db: Db, periodical: PeriodicalRow, input: IssueInput): Promise<CheckedItem[]> {
  const policies = await listPolicies(db);
  const field = (name: string, label: string) => ({ field: name, label });
  if (!isIsoDate(input.date))
    throw new ServiceError('invalid', '出刊日期不是有效日期，应为 YYYY-MM-DD', field('date', '出刊日期'));
  const earliest = earliestPolicyDate(policies)!;
  if (input.date < earliest)
    throw new ServiceError(
      'invalid',
      `出刊日期 ${input.date} 早于最早的考核政策生效日期 ${earliest}`,
      field('date', '出刊日期')
    );
  if (Number(input.date.slice(0, 4)) !== input.year)
    throw new ServiceError('invalid', `出刊日期 ${input.date} 不在 ${input.year} 年内`, field('date', '出刊日期'));

  const ids = input.items.map((i) => i.itemId);
  const repeated = ids.find((id, k) => ids.indexOf(id) !== k);
  if (repeated !== undefined)
    throw new ServiceError('invalid', `稿件 ${repeated} 在本期中重复出现`, field('items', '稿件'));
  const found = new Map((await itemsWithUnits(db, ids)).map((i) => [i.id, i]));
  const graded = isGradedByKind(policies, input.date, periodical.outlet);
  const kinds = policyOn(policies, input.date).kinds;
  return input.items.map((entry): CheckedItem => {
    const item = found.get(entry.itemId);
    if (!item || !isReceived(item))
      throw new ServiceError(
        'invalid',
        `稿件 ${entry.itemId} 不存在或尚未被区政府办公室接收，不能编入刊物`,
        field('items', '稿件')
      );
    const kind = entry.kind?.trim() || null;
    if (graded && !kind)
      throw new ServiceError(
        'invalid',
        `${periodicalTitle(periodical)}须注明每篇稿件的信息类型（${Object.values(kinds).join('、')}）：“${item.title}”未注明`,
        field('kind', '信息类型')
      );
    if (kind && !graded)
      throw new ServiceError('invalid', `${periodicalTitle(periodical)}不区分信息类型`, field('kind', '信息类型'));
    if (kind && !isKnownTerm(policies, input.date, 'kind', kind))
      throw new ServiceError('invalid', unknownTermMessage('信息类型'), field('kind', '信息类型'));
    const title = entry.title.trim();
    const body = entry.body.trim();
    if (!title) throw new ServiceError('invalid', '编辑后标题不能为空', field('title', '编辑后标题'));
    if (!body) throw new ServiceError('invalid', '编辑后正文不能为空', field('body', '编辑后正文'));
    return { item_id: item.id, title, body, kind };
  });
}

async function requireFreeNumber(
  db: Db,
  periodical: PeriodicalRow,
  year: number,
  number: number,
  exceptId?: number
): Promise<void> {
  const taken = await findIssueByNumber(db, periodical.id, year, number);
  if (taken && taken.id !== exceptId)
    throw new ServiceError('conflict', `${periodicalTitle(periodical)}${issueLine(year, number)}已存在`, {
      field: 'number',
      label: '期号',
    });
}

/** 新建一期: the editor starts an issue; without a number it takes the next one of the year. */
export async function createIssue(
  db: Kysely<Database>,
  user: ActingUser,
  periodicalId: number,
  input: IssueInput,
  now: Date
): Promise<{ id: number }> {
  requireRole(user, ['editor'], '编辑刊物');
  const created = db.transaction().execute(async (trx) => {
    const periodical = await findPeriodical(trx, periodicalId);
    if (!periodical) throw new ServiceError('not_found', '刊物不存在');
    const items = await checkedIssue(trx, periodical, input);
    const number = input.number ?? nextIssueNumber(await maxIssueNumber(trx, periodical.id, input.year));
    await requireFreeNumber(trx, periodical, input.year, number);
    const at = now.toISOString();
    const id = await insertIssue(trx, {
      periodical_id: periodical.id,
      year: input.year,
      number,
      date: input.date,
      status: 'draft',
      created_by: user.id,
      created_at: at,
      updated_at: at,
      published_at: null,
    });
    await replaceIssueItems(trx, id, items);
    await recordIssueEvent(trx, id, user, 'create', now);
    await appendAudit(
      trx,
      user,
      {
        action: 'create_periodical_issue',
        objectType: 'periodical_issue',
        objectId: id,
        outcome: 'ok',
        after: { periodical: periodical.name, year: input.year, number, date: input.date, items },
      },
      now
    );
    return { id };
  });
  return created.catch(numberTakenMeanwhile);
}

/** The editor changes a draft (or a returned or withdrawn issue): number, date, items, their order, text and kind. */
export async function updateIssueContent(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  input: IssueInput & { number: number },
  now: Date
): Promise<void> {
  requireRole(user, ['editor'], '编辑刊物');
  const updated = db.transaction().execute(async (trx) => {
    const { issue, periodical } = await loadIssue(trx, id);
    requireVersion(issue, version);
    if (!isEditable(issue.status)) throw new ServiceError('conflict', '该期刊物已送审或已发布，不能修改');
    const items = await checkedIssue(trx, periodical, input);
    await requireFreeNumber(trx, periodical, input.year, input.number, id);
    if (
      !(await updateIssue(trx, id, version, {
        year: input.year,
        number: input.number,
        date: input.date,
        updated_at: now.toISOString(),
      }))
    )
      throw new ServiceError('conflict', '该期刊物已被他人修改，请刷新后重试');
    await replaceIssueItems(trx, id, items);
    await recordIssueEvent(trx, id, user, 'save', now);
    await appendAudit(
      trx,
      user,
      {
        action: 'update_periodical_issue',
        objectType: 'periodical_issue',
        objectId: id,
        outcome: 'ok',
        before: { year: issue.year, number: issue.number, date: issue.date },
        after: { year: input.year, number: input.number, date: input.date, items },
      },
      now
    );
  });
  await updated.catch(numberTakenMeanwhile);
}

/**
 * Another editor took the same number between our check and our write: the unique constraint
 * refused it, said as the check would have said it.
 */
function numberTakenMeanwhile(error: unknown): never {
  if (isUniqueViolation(error))
    throw new ServiceError('conflict', '该期号刚被他人占用，请刷新后换一个期号', { field: 'number', label: '期号' });
  throw error;
}

import type { Kysely } from 'kysely';
import { todayInChina } from '../../domain/dates.js';
import {
  checkItemDraft,
  EDITABLE_STATUSES,
  isPaperCopyOpen,
  markedTitle,
  type ItemDraft,
} from '../../domain/item-workflow.js';
import { recordDateProblem } from '../../domain/record-date.js';
import type { Database } from '../../db/database.js';
import { insertItemEvent, insertWebItem, updateItem } from '../../db/repositories/item.repository.js';
import type { ItemStatus } from '../../shared/item-fields.js';
import { appendAudit } from '../audit/append-audit.js';
import { ServiceError } from '../service-error.js';
import { linkResponse } from '../solicitations/link-response.js';
import { loadVisibleItem } from './item-access.js';
import { requireRole, type ActingUser } from '../acting-user.js';

function refuseProblems(draft: ItemDraft): string[] {
  const { problems, warnings } = checkItemDraft(draft);
  if (problems.length > 0) {
    const [first] = problems;
    throw new ServiceError('invalid', problems.map((p) => p.message).join('；'), {
      field: first.field,
      label: first.label,
      fields: problems,
    });
  }
  return warnings;
}

function columnsOf(draft: ItemDraft) {
  return {
    title: markedTitle(draft.title),
    body: draft.body.trim(),
    category: draft.category,
    reporter: draft.reporter.trim(),
    signer: draft.signer?.trim() || null,
    phone: draft.phone.trim(),
    is_public: Number(draft.isPublic),
    source: draft.source?.trim() || null,
    is_major: Number(draft.isMajor),
  };
}

/**
 * 信息员 drafts an item for their unit, optionally as the answer to a solicitation addressed to
 * it (linked in the same transaction). Returns its id and any warnings (a body over 450 characters).
 */
export async function createItem(
  db: Kysely<Database>,
  user: ActingUser,
  draft: ItemDraft,
  now: Date,
  solicitationId?: number
): Promise<{ id: number; warnings: string[] }> {
  requireRole(user, ['officer'], '起草稿件');
  if (user.unitId === null) throw new ServiceError('forbidden', '账号未属于任何报送单位');
  const warnings = refuseProblems(draft);
  const at = now.toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const columns = columnsOf(draft);
    const newId = await insertWebItem(trx, {
      ...columns,
      unit_id: user.unitId!,
      submitted: todayInChina(now),
      status: 'draft',
      origin: 'web',
      created_by: user.id,
      created_at: at,
      updated_at: at,
    });
    await insertItemEvent(trx, {
      item_id: newId,
      at,
      actor_id: user.id,
      actor: user.displayName,
      action: 'create',
      from_status: null,
      to_status: 'draft',
      comment: null,
    });
    await appendAudit(
      trx,
      user,
      { action: 'create_item', objectType: 'item', objectId: newId, outcome: 'ok', after: columns },
      now
    );
    if (solicitationId !== undefined)
      await linkResponse(trx, user, solicitationId, { id: newId, unit_id: user.unitId!, status: 'draft' }, now);
    return newId;
  });
  return { id, warnings };
}

/** 信息员 edits a draft or a returned item of their unit, at the version they saw. */
export async function updateDraft(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  draft: ItemDraft,
  now: Date
): Promise<{ warnings: string[] }> {
  const item = await loadVisibleItem(db, user, id, now);
  requireRole(user, ['officer'], '修改稿件');
  if (!EDITABLE_STATUSES.includes(item.status as ItemStatus))
    throw new ServiceError('conflict', '稿件已提交，不能修改；如需修改请先撤回');
  if (item.version !== version)
    throw new ServiceError('conflict', '稿件已被他人修改，请刷新后重试', { currentVersion: item.version });
  const warnings = refuseProblems(draft);
  const columns = columnsOf(draft);
  await db.transaction().execute(async (trx) => {
    if (!(await updateItem(trx, id, version, { ...columns, updated_at: now.toISOString() })))
      throw new ServiceError('conflict', '稿件已被他人修改，请刷新后重试');
    await insertItemEvent(trx, {
      item_id: id,
      at: now.toISOString(),
      actor_id: user.id,
      actor: user.displayName,
      action: 'edit',
      from_status: item.status,
      to_status: item.status,
      comment: null,
    });
    await appendAudit(
      trx,
      user,
      {
        action: 'update_item',
        objectType: 'item',
        objectId: id,
        outcome: 'ok',
        before: {
          title: item.title,
          body: item.body,
          category: item.category,
          is_public: item.is_public,
          is_major: item.is_major,
        },
        after: columns,
      },
      now
    );
  });
  return { warnings };
}

/** 信息员 records the date the paper copy of a major or sensitive item was sent (另附书面稿件). */
export async function recordPaperCopy(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  date: string,
  now: Date
): Promise<void> {
  const item = await loadVisibleItem(db, user, id, now);
  requireRole(user, ['officer', 'principal'], '登记书面稿件');
  if (!item.is_major) throw new ServiceError('invalid', '只有重大或敏感信息需要登记书面稿件');
  if (!isPaperCopyOpen(item.status as ItemStatus))
    throw new ServiceError('conflict', '稿件已报送，不能再修改书面稿件登记');
  if (recordDateProblem(date, { today: todayInChina(now) }) !== undefined)
    throw new ServiceError('invalid', '书面稿件报送日期不是有效日期，或晚于今天', {
      field: 'date',
      label: '书面稿件报送日期',
    });
  if (item.version !== version)
    throw new ServiceError('conflict', '稿件已被他人修改，请刷新后重试', { currentVersion: item.version });
  await db.transaction().execute(async (trx) => {
    if (!(await updateItem(trx, id, version, { paper_copy_on: date, updated_at: now.toISOString() })))
      throw new ServiceError('conflict', '稿件已被他人修改，请刷新后重试');
    await insertItemEvent(trx, {
      item_id: id,
      at: now.toISOString(),
      actor_id: user.id,
      actor: user.displayName,
      action: 'paper_copy',
      from_status: item.status,
      to_status: item.status,
      comment: `书面稿件 ${date}`,
    });
    await appendAudit(
      trx,
      user,
      {
        action: 'record_paper_copy',
        objectType: 'item',
        objectId: id,
        outcome: 'ok',
        before: { paper_copy_on: item.paper_copy_on },
        after: { paper_copy_on: date },
      },
      now
    );
  });
}

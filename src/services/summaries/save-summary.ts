import type { Kysely } from 'kysely';
import type { SummaryHalf } from '../../domain/summary-analysis.js';
import type { Database } from '../../db/database.js';
import {
  findSummaryOfPeriod,
  insertSummary,
  insertSummaryEvent,
  updateSummary,
} from '../../db/repositories/summary.repository.js';
import { listSeries } from '../../db/repositories/unit.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { periodKey, storedParagraphs } from './summary-content.js';

export interface SummaryDraftInput {
  year: number;
  half: SummaryHalf;
  /** The summary's version when it exists (optimistic locking); omitted for the first save. */
  version?: number;
  paragraphs: readonly { series: string; text: string }[];
}

/**
 * 调研科 saves the edited analysis paragraphs of a summary, creating its draft on the first save.
 * A summary awaiting approval or approved is not edited; a returned one is, and stays returned
 * until it is submitted again.
 */
export async function saveSummary(
  db: Kysely<Database>,
  user: ActingUser,
  input: SummaryDraftInput,
  now: Date
): Promise<{ id: number; version: number }> {
  if (user.role !== 'editor') throw new ServiceError('forbidden', '当前账号无权编辑工作总结');
  const codes = new Set((await listSeries(db)).map((s) => s.code));
  const edited: Record<string, string> = {};
  for (const { series, text } of input.paragraphs) {
    if (!codes.has(series))
      throw new ServiceError('invalid', `没有代码为“${series}”的序列`, { field: 'paragraphs', label: '分析段落' });
    const trimmed = text.trim();
    if (!trimmed) throw new ServiceError('invalid', '分析段落不能为空', { field: 'paragraphs', label: '分析段落' });
    edited[series] = trimmed;
  }
  return db.transaction().execute(async (trx) => {
    const period = periodKey(input.half);
    const existing = await findSummaryOfPeriod(trx, input.year, period);
    const at = now.toISOString();
    let id: number;
    let version: number;
    if (existing) {
      if (existing.status === 'approved') throw new ServiceError('conflict', '工作总结已审批通过，不能再修改');
      if (existing.status === 'pending') throw new ServiceError('conflict', '工作总结已提交审批，待领导处理后再修改');
      if (input.version !== existing.version)
        throw new ServiceError('conflict', '工作总结已被他人修改，请刷新后再保存', {
          currentVersion: existing.version,
        });
      const paragraphs = { ...storedParagraphs(existing), ...edited };
      if (
        !(await updateSummary(trx, existing.id, existing.version, {
          paragraphs: JSON.stringify(paragraphs),
          updated_at: at,
        }))
      )
        throw new ServiceError('conflict', '工作总结已被他人修改，请刷新后再保存');
      id = existing.id;
      version = existing.version + 1;
    } else {
      id = await insertSummary(trx, {
        year: input.year,
        period,
        status: 'draft',
        paragraphs: JSON.stringify(edited),
        snapshot: null,
        drafted_by: user.id,
        updated_at: at,
        submitted_at: null,
        approved_by: null,
        approved_at: null,
      });
      version = 1;
    }
    await insertSummaryEvent(trx, {
      summary_id: id,
      at,
      actor_id: user.id,
      actor: user.displayName,
      action: 'save',
      comment: null,
    });
    await appendAudit(
      trx,
      user,
      {
        action: 'save_summary',
        objectType: 'summary',
        objectId: id,
        outcome: 'ok',
        before: existing ? { paragraphs: storedParagraphs(existing) } : undefined,
        after: { year: input.year, period, paragraphs: edited },
      },
      now
    );
    return { id, version };
  });
}

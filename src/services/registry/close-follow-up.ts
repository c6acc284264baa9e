import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { closeFollowUpRow, findFollowUp } from '../../db/repositories/follow-up.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';

/** 调研科 closes a 建议更换信息员 follow-up without a new officer, with the reason (e.g. 已书面说明). */
export async function closeFollowUp(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  reason: string,
  now: Date
): Promise<void> {
  if (user.role !== 'editor') throw new ServiceError('forbidden', '当前账号无权关闭提醒');
  const why = reason.trim();
  if (!why) throw new ServiceError('invalid', '请填写关闭原因', { field: 'reason', label: '关闭原因' });
  await db.transaction().execute(async (trx) => {
    const followUp = await findFollowUp(trx, id);
    if (!followUp) throw new ServiceError('not_found', '提醒不存在');
    if (followUp.closed_at !== null) throw new ServiceError('conflict', '提醒已关闭');
    const closed = await closeFollowUpRow(trx, id, version, {
      closed_at: now.toISOString(),
      closed_by: user.id,
      close_reason: why,
    });
    if (!closed)
      throw new ServiceError('conflict', '提醒已被修改，请刷新后再关闭', { currentVersion: followUp.version });
    await appendAudit(
      trx,
      user,
      {
        action: 'close_follow_up',
        objectType: 'unit',
        objectId: followUp.unit_id,
        outcome: 'ok',
        before: { follow_up: followUp.id, note: followUp.note },
        after: { closed: true, reason: why },
      },
      now
    );
  });
}

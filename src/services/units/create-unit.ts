import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { insertUnitLast, seriesExists, unitNameTaken } from '../../db/repositories/unit.repository.js';
import { appendAudit, type Actor } from '../audit/append-audit.js';
import { ServiceError } from '../service-error.js';

/** 系统管理员 adds a reporting unit at the end of its series. */
export async function createUnit(
  db: Kysely<Database>,
  actor: Actor,
  input: { name: string; seriesCode: string },
  now: Date
): Promise<{ id: number }> {
  const name = input.name.trim();
  if (!(await seriesExists(db, input.seriesCode)))
    throw new ServiceError('invalid', '序列不存在', { field: 'seriesCode', label: '序列' });
  if (await unitNameTaken(db, name))
    throw new ServiceError('conflict', `单位“${name}”已存在`, { field: 'name', label: '单位名称' });
  const id = await db.transaction().execute(async (trx) => {
    const newId = await insertUnitLast(trx, name, input.seriesCode);
    await appendAudit(
      trx,
      actor,
      { action: 'create_unit', objectType: 'unit', objectId: newId, outcome: 'ok', after: input },
      now
    );
    return newId;
  });
  return { id };
}

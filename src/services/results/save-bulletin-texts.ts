import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { findPublication, updatePublication } from '../../db/repositories/result.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';

/** 调研科 writes the bulletin's texts before and after the tables; a published bulletin stays as it was. */
export async function saveBulletinTexts(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  input: { version: number; textBefore: string; textAfter: string },
  now: Date
): Promise<{ version: number }> {
  if (user.role !== 'editor') throw new ServiceError('forbidden', '当前账号无权编辑工作通讯');
  return db.transaction().execute(async (trx) => {
    const publication = await findPublication(trx, id);
    if (!publication) throw new ServiceError('not_found', '考核结果不存在');
    if (publication.status === 'published') throw new ServiceError('conflict', '工作通讯已发布，不能修改');
    if (publication.version !== input.version)
      throw new ServiceError('conflict', '考核结果已被修改，请刷新后再保存', {
        currentVersion: publication.version,
      });
    const textBefore = input.textBefore.trim();
    const textAfter = input.textAfter.trim();
    await updatePublication(trx, id, input.version, { text_before: textBefore, text_after: textAfter });
    await appendAudit(
      trx,
      user,
      {
        action: 'edit_bulletin_texts',
        objectType: 'result_publication',
        objectId: id,
        outcome: 'ok',
        before: { text_before: publication.text_before, text_after: publication.text_after },
        after: { text_before: textBefore, text_after: textAfter },
      },
      now
    );
    return { version: input.version + 1 };
  });
}

import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { RECORD_TYPES, RECORD_TYPE_LABELS } from '../../domain/ledger-schema.js';
import { describeLedgerProblem } from '../../files/ledger-problems.js';
import { readLedgerUpload, type LedgerFileLimits } from '../../files/read-ledger-file.js';
import { appendAudit, type Actor } from '../audit/append-audit.js';
import { importLedger } from '../import-ledger.js';
import { ServiceError } from '../service-error.js';
import { isUniqueViolation } from '../../db/unique-violation.js';

/**
 * 台账导入 of an uploaded file: the same formats, validation and single transaction as
 * `govinfo import`. A dry run answers what would be stored and stores nothing; a refused file
 * answers every problem by line. Only a real attempt (not a preview) goes to the audit log.
 */
export async function importUpload(
  db: Kysely<Database>,
  actor: Actor,
  upload: { name: string; data: Buffer; dryRun: boolean },
  now: Date,
  limits?: LedgerFileLimits
) {
  const { name, data, dryRun } = upload;
  const sha256 = createHash('sha256').update(data).digest('hex');

  const refuse = async (problems: string[]): Promise<never> => {
    if (!dryRun) {
      await appendAudit(
        db,
        actor,
        {
          action: 'import_ledger',
          objectType: 'ledger',
          objectId: name,
          outcome: 'failed',
          after: { file: name, sha256, problems: problems.length },
        },
        now
      );
    }
    throw new ServiceError('invalid', `台账“${name}”有 ${problems.length} 个问题，未存储任何记录；请修改后重新上传`, {
      problems: problems.map(describeLedgerProblem),
    });
  };

  const read = await readLedgerUpload(name, data, limits);
  if (read.problems.length > 0) return refuse(read.problems);
  const outcome = await importLedger(db, read.records, {
    dryRun,
    onStored: (trx, stored) =>
      appendAudit(
        trx,
        actor,
        {
          action: 'import_ledger',
          objectType: 'ledger',
          objectId: name,
          outcome: 'ok',
          after: {
            file: name,
            sha256,
            stored: stored.stored,
            skipped: stored.skipped,
            warnings: stored.warnings.length,
          },
        },
        now
      ),
  }).catch((error: unknown) => {
    if (isUniqueViolation(error))
      throw new ServiceError('conflict', '另一个导入同时写入了相同编号的记录；本次导入未存储任何记录，请重新导入');
    throw error;
  });
  if (!outcome.ok) return refuse(outcome.problems);
  return {
    dryRun,
    file: name,
    counts: RECORD_TYPES.map((type) => ({
      type,
      name: RECORD_TYPE_LABELS[type],
      stored: outcome.stored[type],
      skipped: outcome.skipped[type],
    })),
    warnings: outcome.warnings,
  };
}

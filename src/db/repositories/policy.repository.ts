import type { Policy } from '../../domain/policy.js';
import type { Db } from '../database.js';

/** Every stored policy version, oldest first. */
export async function listPolicies(db: Db): Promise<Policy[]> {
  const rows = await db.selectFrom('policies').select('document').orderBy('effective_from').execute();
  return rows.map((row) => JSON.parse(row.document) as Policy);
}

export async function insertPolicy(db: Db, policy: Policy): Promise<void> {
  await db
    .insertInto('policies')
    .values({ name: policy.name, effective_from: policy.effectiveFrom, document: JSON.stringify(policy) })
    .execute();
}

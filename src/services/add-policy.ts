import type { Kysely } from 'kysely';
import { parsePolicy, type Policy } from '../domain/policy.js';
import type { Database } from '../db/database.js';
import { insertPolicy, listPolicies } from '../db/repositories/policy.repository.js';
import { listSeries } from '../db/repositories/unit.repository.js';
import { listAllSourceIds } from '../db/repositories/ledger.repository.js';
import { recomputeBookings } from './recompute-bookings.js';
import { appendAudit, type Actor } from './audit/append-audit.js';
import { ServiceError } from './service-error.js';

export class PolicyConflictError extends Error {}

/**
 * Adds a policy version and rescores every record under the versions now in force: a
 * booking is scored by the policy in force on its date.
 */
export async function addPolicy(db: Kysely<Database>, actor: Actor, policy: Policy, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = await listPolicies(trx);
    if (existing.some((p) => p.name === policy.name))
      throw new PolicyConflictError(`已存在名为 ${policy.name} 的考核政策`);
    if (existing.some((p) => p.effectiveFrom === policy.effectiveFrom))
      throw new PolicyConflictError(`已有考核政策在 ${policy.effectiveFrom} 生效`);
    const missing = (await listSeries(trx)).filter((s) => !(s.code in policy.series));
    if (missing.length > 0)
      throw new PolicyConflictError(
        `政策没有为这些序列设定指标：${missing.map((s) => `${s.code}（${s.name}）`).join('、')}`
      );
    await insertPolicy(trx, policy);
    await recomputeBookings(trx, await listAllSourceIds(trx), [...existing, policy]);
    await appendAudit(
      trx,
      actor,
      { action: 'add_policy', objectType: 'policy', objectId: policy.name, outcome: 'ok', after: policy },
      now
    );
  });
}

/** A policy file sent from the pages: checked, then added; its problems and conflicts are the user's to fix. */
export async function addPolicyFromJson(
  db: Kysely<Database>,
  actor: Actor,
  json: unknown,
  now: Date
): Promise<{ name: string }> {
  const parsed = parsePolicy(json);
  if ('problems' in parsed) throw new ServiceError('invalid', parsed.problems.join('；'));
  try {
    await addPolicy(db, actor, parsed.policy, now);
  } catch (error) {
    if (error instanceof PolicyConflictError) throw new ServiceError('conflict', error.message);
    throw error;
  }
  return { name: parsed.policy.name };
}

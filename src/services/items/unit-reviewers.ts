import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { listUnitLeaders, unitsReviewedByNobody } from '../../db/repositories/unit-leaders.repository.js';
import { isUnitRole } from '../../shared/roles.js';
import { ServiceError } from '../service-error.js';
import { requireRole, type ActingUser } from '../acting-user.js';

/**
 * Who reviews the items of the user's unit: its 分管领导 accounts, else its 主要领导 (who may
 * approve ordinary items too), else nobody, which the officer is told before submitting.
 */
export async function reviewersOfMyUnit(db: Kysely<Database>, user: ActingUser) {
  if (!isUnitRole(user.role) || user.unitId === null) throw new ServiceError('forbidden', '当前账号不属于报送单位');
  const leaders = await listUnitLeaders(db, user.unitId);
  const reviewers = leaders.filter((l) => l.role === 'reviewer').map((l) => l.displayName);
  const principals = leaders.filter((l) => l.role === 'principal').map((l) => l.displayName);
  return {
    reviewers,
    principals,
    reviewedBy: reviewers.length > 0 ? ('reviewer' as const) : principals.length > 0 ? ('principal' as const) : null,
  };
}

/**
 * Units whose items wait in unit review with no reviewer account: the system administrator
 * registers the missing account, the editor follows it up. Names and counts only, no content.
 */
export async function unitsWithoutReviewer(db: Kysely<Database>, user: ActingUser) {
  requireRole(user, ['sys_admin', 'editor'], '查看缺少审核领导账号的单位');
  return unitsReviewedByNobody(db);
}

import type { Db } from '../db/database.js';
import { findUnitByName } from '../db/repositories/unit-lookup.repository.js';
import { canSeeUnitScores } from '../domain/permissions.js';
import type { ActingUser } from './acting-user.js';
import { denyAsNotFound } from './audit/deny-as-not-found.js';
import { explainUnitWithItemLinks, UnknownUnitError, type ExplainOptions } from './explain-unit.js';
import { ServiceError } from './service-error.js';

/**
 * Every booking behind one unit's score, as a user may see it: the district office any unit's, a
 * unit only its own. Another unit's answers 404 as if it did not exist, and the attempt is audited.
 */
export async function explainUnitForUser(db: Db, user: ActingUser, options: ExplainOptions, now: Date) {
  const unit = await findUnitByName(db, options.unit);
  if (!unit) throw new ServiceError('not_found', `未找到报送单位“${options.unit}”`);
  if (!canSeeUnitScores(user, unit.id)) {
    return denyAsNotFound(
      db,
      user,
      { objectType: 'unit_scores', objectId: unit.id, reason: 'other_unit' },
      '请求的记录不存在',
      now
    );
  }
  try {
    return await explainUnitWithItemLinks(db, unit.id, options);
  } catch (error) {
    if (error instanceof UnknownUnitError) throw new ServiceError('not_found', error.message);
    throw error;
  }
}

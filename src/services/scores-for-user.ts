import type { Db } from '../db/database.js';
import { findUnitById } from '../db/repositories/unit-lookup.repository.js';
import { isUnitRole } from '../shared/roles.js';
import { computeScores, type ScoresDocument, type ScoresOptions } from './compute-scores.js';
import type { ActingUser } from './acting-user.js';

/**
 * The scores a user may see live: the district office every unit's (of one series when asked),
 * a unit only its own standing — every unit's figures reach units as published results.
 */
export async function scoresForUser(
  db: Db,
  user: Pick<ActingUser, 'role' | 'unitId'>,
  options: ScoresOptions & { series?: string }
): Promise<ScoresDocument> {
  const { series, ...scoreOptions } = options;
  const document = await computeScores(db, scoreOptions);
  const own = isUnitRole(user.role) ? (await findUnitById(db, user.unitId!))?.name : undefined;
  const units = document.units.filter((u) => (!series || u.series === series) && (own === undefined || u.unit === own));
  return { ...document, units };
}

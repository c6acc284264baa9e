import type { Kysely } from 'kysely';
import { isDistrictRole } from '../../domain/permissions.js';
import type { Database } from '../../db/database.js';
import { listPenaltyRows } from '../../db/repositories/penalty.repository.js';
import type { Penalty } from '../../shared/api/solicitations.js';
import { isUnitRole } from '../../shared/roles.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';

/** Deductions, the district office all, a unit its own. */
export async function listPenalties(db: Kysely<Database>, user: ActingUser): Promise<Penalty[]> {
  if (isUnitRole(user.role)) return listPenaltyRows(db, user.unitId!);
  if (!isDistrictRole(user.role)) throw new ServiceError('forbidden', '当前账号无权查看扣分');
  return listPenaltyRows(db);
}

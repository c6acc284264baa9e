import type { Kysely } from 'kysely';
import { quarterEnd } from '../../domain/dates.js';
import { isDistrictRole } from '../../domain/permissions.js';
import type { Database } from '../../db/database.js';
import { listPublications, resultEventsByPublication } from '../../db/repositories/result.repository.js';
import type { Publication, PublicationStatus } from '../../shared/api/results.js';
import { isUnitRole } from '../../shared/roles.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';

/** Published results for everyone who works with items; pending ones for the district office too. */
export async function listResults(db: Kysely<Database>, user: ActingUser): Promise<Publication[]> {
  if (!isDistrictRole(user.role) && !isUnitRole(user.role))
    throw new ServiceError('forbidden', '当前账号无权查看考核结果');
  const district = isDistrictRole(user.role);
  const publications = await listPublications(db, !district);
  // The history (with the leader's comments) is the district office's own business.
  const events = district ? await resultEventsByPublication(db) : new Map();
  return publications.map((p): Publication => {
    const history = (events.get(p.id) ?? []) as NonNullable<Publication['history']>;
    const lastReturn = [...history].reverse().find((e) => e.action === 'return');
    return {
      id: p.id,
      year: p.year,
      quarter: p.quarter,
      status: p.status as PublicationStatus,
      asOf: statisticsDate(p),
      preparedAt: p.prepared_at,
      approvedAt: p.approved_at,
      version: p.version,
      scores: JSON.parse(p.snapshot) as Publication['scores'],
      textBefore: p.text_before ?? '',
      textAfter: p.text_after ?? '',
      ...(district ? { history, returnComment: p.status === 'returned' ? (lastReturn?.comment ?? null) : null } : {}),
    };
  });
}

/** The day the figures stand at the end of; results prepared before this was fixed stored the day after the quarter. */
function statisticsDate(p: { year: number; quarter: number; as_of: string }): string {
  const end = quarterEnd(p.year, p.quarter);
  return p.as_of > end ? end : p.as_of;
}

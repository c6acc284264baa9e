import { addDays, quarterEnd, todayInChina } from '../../domain/dates.js';
import type { BulletinDocument } from '../../domain/bulletin.js';
import { isDistrictRole } from '../../domain/permissions.js';
import type { Db } from '../../db/database.js';
import { findPublication, type ResultPublicationRow } from '../../db/repositories/result.repository.js';
import { isUnitRole } from '../../shared/roles.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { assembleBulletin } from './assemble-bulletin.js';

/**
 * The bulletin of a publication: the frozen document once published (for every role that works
 * with items, units included), else a preview from today's records for the district office.
 */
export async function bulletinOfPublication(
  db: Db,
  user: ActingUser,
  id: number,
  now: Date
): Promise<BulletinDocument> {
  if (!isDistrictRole(user.role) && !isUnitRole(user.role))
    throw new ServiceError('forbidden', '当前账号无权查看工作通讯');
  const publication = await findPublication(db, id);
  // A unit is not told that a draft exists.
  if (!publication || (publication.status !== 'published' && !isDistrictRole(user.role)))
    throw new ServiceError('not_found', '工作通讯不存在或尚未发布');
  if (publication.status === 'published' && publication.bulletin)
    return JSON.parse(publication.bulletin) as BulletinDocument;
  return bulletinFromRecords(db, publication, todayInChina(now));
}

/** A publication's bulletin from the records, counted as its snapshot was (as of its statistics date). */
export function bulletinFromRecords(
  db: Db,
  publication: Pick<ResultPublicationRow, 'year' | 'quarter' | 'as_of' | 'text_before' | 'text_after'>,
  issuedOn: string
): Promise<BulletinDocument> {
  const end = quarterEnd(publication.year, publication.quarter);
  // As prepare-results: a finished quarter counts the deadlines of its last day too.
  const statisticsDate = publication.as_of > end ? end : publication.as_of;
  const asOf = statisticsDate === end ? addDays(end, 1) : statisticsDate;
  return assembleBulletin(db, {
    year: publication.year,
    quarter: publication.quarter,
    asOf,
    statisticsDate,
    issuedOn,
    textBefore: publication.text_before,
    textAfter: publication.text_after,
  });
}

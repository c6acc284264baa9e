import { isUnitRole } from '../shared/roles.js';
import type { Viewer } from './permissions.js';

/** A notice, as access sees it. */
export interface NoticeScope {
  posted: boolean;
  /** The units it reached (posted) or will reach (chosen units of a draft). */
  unitIds: readonly number[];
}

/**
 * Who reads a notice: the editor always (drafts are the editor's); office leaders once posted;
 * a unit's people only a posted notice addressed to their unit; administrators never.
 */
export function canSeeNotice(viewer: Viewer, notice: NoticeScope): boolean {
  if (viewer.role === 'editor') return true;
  if (viewer.role === 'office_leader') return notice.posted;
  if (isUnitRole(viewer.role)) return notice.posted && viewer.unitId !== null && notice.unitIds.includes(viewer.unitId);
  return false;
}

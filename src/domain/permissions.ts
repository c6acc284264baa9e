import { isUnitRole, type Role } from '../shared/roles.js';

/** The acting account, as permissions see it. */
export interface Viewer {
  role: Role;
  unitId: number | null;
}

/** An item, as permissions see it. */
export interface ItemScope {
  unitId: number;
  /** When last sent to the district; null while inside the unit. */
  sentAt: string | null;
}

/**
 * Who sees an item: the people of its own unit always; the district office (editors and office
 * leaders) once it has been sent to them (ledger items were); administrators never
 * (least privilege: they keep the system, not its content).
 */
export function canSeeItem(viewer: Viewer, item: ItemScope): boolean {
  if (isUnitRole(viewer.role)) return viewer.unitId === item.unitId;
  if (viewer.role === 'editor' || viewer.role === 'office_leader') return item.sentAt !== null;
  return false;
}

/** Whether a role reads every unit's scores and records (the district office). */
export function isDistrictRole(role: Role): boolean {
  return role === 'editor' || role === 'office_leader';
}

/** Whether a viewer may read a unit's scores and bookings: the district office any, a unit its own. */
export function canSeeUnitScores(viewer: Viewer, unitId: number): boolean {
  return isDistrictRole(viewer.role) || (isUnitRole(viewer.role) && viewer.unitId === unitId);
}

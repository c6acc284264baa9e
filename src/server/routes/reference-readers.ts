import { ALL_ROLES } from '../../shared/roles.js';

/** Who reads units, series and policies: everyone who works with items, and the administrators who keep units, accounts and policies (not the audit administrator). */
export const REFERENCE_READERS = ALL_ROLES.filter((role) => role !== 'audit_admin');

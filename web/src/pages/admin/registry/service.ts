/** 信息员登记备案: the registry as the API gives it, and its calls. */
import { http } from '../../../http';
import { matchesUnit } from '../../../lib/pinyin';

export interface Contact {
  id: number;
  duty: 'leader' | 'director' | 'officer';
  dutyName: string;
  name: string;
  post: string;
  officePhone: string | null;
  mobile: string | null;
  staffing: string;
  staffingName: string;
  noticeDate: string | null;
  startedOn: string;
  endedOn: string | null;
  version: number;
}

export interface UnitRegistry {
  unit: { id: number; name: string; series: string };
  contacts: Contact[];
  history: Contact[];
  warnings: string[];
}

export interface ContactInput {
  duty: Contact['duty'];
  name: string;
  post: string;
  officePhone: string | null;
  mobile: string | null;
  staffing: string;
  noticeDate: string | null;
  startedOn: string;
}

/** Units matching the search, optionally only those with a warning. */
export function filterRegistry(rows: UnitRegistry[], typed: string, onlyWarnings: boolean): UnitRegistry[] {
  return rows.filter((r) => matchesUnit(r.unit.name, typed) && (!onlyWarnings || r.warnings.length > 0));
}

/** The names registered for a duty, or undefined when none is. */
export const namesFor = (row: UnitRegistry, duty: Contact['duty']) => row.contacts.filter((c) => c.duty === duty).map((c) => c.name).join('、') || undefined;

export const loadRegistry = (signal: AbortSignal) => http.get<UnitRegistry[]>('/api/registry', { signal });
export const loadMissingOfficers = (signal: AbortSignal) => http.get<{ id: number; name: string; series: string }[]>('/api/registry/missing-officers', { signal });
export const addContact = (unitId: number, input: ContactInput) => http.post<{ id: number }>(`/api/units/${unitId}/contacts`, input, { quiet: true });
export const endContact = (contact: Contact, endedOn: string, noticeDate: string | null) =>
  http.post(`/api/contacts/${contact.id}/end`, { version: contact.version, endedOn, noticeDate }, { quiet: true });

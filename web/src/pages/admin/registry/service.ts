/** 信息员登记备案: the registry as the API gives it, and its calls. */
import type { Done } from '@shared/api/auth';
import type { Contact, ContactBody, CreatedRecord, OfficerAccount, Registry, UnitRegistry } from '@shared/api/registry';
import { http } from '../../../http';
import { isMobilePhone } from '@domain/phone';
import { needsAttention } from '@domain/registry';
import { matchesUnit } from '../../../lib/pinyin';

/** Units matching the search, optionally only those with a warning. */
export function filterRegistry(rows: UnitRegistry[], typed: string, onlyWarnings: boolean): UnitRegistry[] {
  return rows.filter((r) => matchesUnit(r.unit.name, typed) && (!onlyWarnings || needsAttention(r)));
}

/** The names registered for a duty, or undefined when none is. */
export const namesFor = (row: UnitRegistry, duty: Contact['duty']) =>
  row.contacts
    .filter((c) => c.duty === duty)
    .map((c) => c.name)
    .join('、') || undefined;

/** The export of what the page shows: the same search and the same 只看需处理 filter, applied on the server. */
export function registryExportUrl(typed: string, onlyWarnings: boolean): string {
  const query = new URLSearchParams();
  if (typed.trim()) query.set('q', typed.trim());
  if (onlyWarnings) query.set('attention', 'true');
  const text = query.toString();
  return text ? `/api/registry/export?${text}` : '/api/registry/export';
}

export const loadRegistry = (signal: AbortSignal) => http.get<Registry>('/api/registry', { signal });
export const addContact = (unitId: number, input: ContactBody) =>
  http.post<CreatedRecord>(`/api/units/${unitId}/contacts`, input, { quiet: true });
export const endContact = (contact: Contact, endedOn: string, noticeDate: string | null) =>
  http.post<Done>(
    `/api/contacts/${contact.id}/end`,
    { version: contact.version, endedOn, noticeDate },
    { quiet: true }
  );

/** 邮件通知: the kinds of e-mail the person does not want. */
export const saveMailOptOuts = (contact: Contact, optOut: string[]) =>
  http.put<Done>(`/api/contacts/${contact.id}/mail-opt-outs`, { optOut }, { quiet: true });

/** The registry entry an officer account offers: its name, and its phone as mobile or office phone. */
export function entryFromAccount(account: OfficerAccount): {
  duty: 'officer';
  name: string;
  mobile?: string;
  officePhone?: string;
} {
  const phone = account.phone ?? undefined;
  if (!phone) return { duty: 'officer', name: account.name };
  return isMobilePhone(phone)
    ? { duty: 'officer', name: account.name, mobile: phone }
    : { duty: 'officer', name: account.name, officePhone: phone };
}

/** Units with a shortfall, longest-standing first (never registered before any date), then in annex order. */
export function unitsWithGaps(rows: readonly UnitRegistry[]): UnitRegistry[] {
  const earliest = (r: UnitRegistry) =>
    r.gaps.some((g) => g.since === null) ? '' : r.gaps.map((g) => g.since!).sort()[0];
  return rows
    .filter((r) => r.gaps.length > 0)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => earliest(a.r).localeCompare(earliest(b.r)) || a.i - b.i)
    .map(({ r }) => r);
}

/** Closes a 建议更换信息员 follow-up with the editor's reason. */
export const closeFollowUp = (followUp: UnitRegistry['followUps'][number], reason: string) =>
  http.post<Done>(`/api/follow-ups/${followUp.id}/close`, { version: followUp.version, reason });

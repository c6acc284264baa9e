/**
 * 接收并采用 and 批量采用: the defaults a dialog opens with, the points it shows before saving
 * (the pure rules of @domain/bookings, under the policy the page loaded), and the API calls.
 */
import { computeItemBookings } from '@domain/bookings';
import { isPublicOnlyOutlet, pointsFor, type Policy } from '@domain/policy';
import { http } from '../http';

/** The outlet a first-time editor starts with: 《番府信息》 takes any item, public or not. */
const FIRST_OUTLET = 'dynamic';
const MEMORY_KEY = 'govinfo.adoption.last';

/** One outlet's line in the dialog. */
export interface OutletChoice {
  checked: boolean;
  kind?: string;
  issue?: string;
}

export type AdoptionChoices = Record<string, OutletChoice>;

export interface AdoptionRecordInput {
  outlet: string;
  kind: string | null;
  date: string;
  issue: string | null;
}

/** What the editor chose last time: the outlet, each outlet's kind and issue (the next items usually go into the same issue). */
interface Memory {
  outlet?: string;
  outlets?: Record<string, { kind?: string; issue?: string }>;
}

function readMemory(storage: Pick<Storage, 'getItem'> | undefined): Memory {
  try {
    const value = JSON.parse(storage?.getItem(MEMORY_KEY) ?? '{}') as unknown;
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

export function rememberChoices(
  choices: AdoptionChoices,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage
): void {
  const checked = Object.entries(choices).filter(([, c]) => c.checked);
  const memory: Memory = {
    outlet: checked[0]?.[0],
    outlets: Object.fromEntries(Object.entries(choices).map(([code, c]) => [code, { kind: c.kind, issue: c.issue }])),
  };
  try {
    storage?.setItem(MEMORY_KEY, JSON.stringify(memory));
  } catch {
    // Private windows may refuse storage: the dialog then opens on the first-time defaults.
  }
}

/** The kinds an outlet grades by (《番府信息上报》), none when its points are one number. */
export function gradedKinds(policy: Policy | undefined, outlet: string): string[] {
  const points = policy?.outlets[outlet]?.points;
  return points && typeof points !== 'number' ? Object.keys(points) : [];
}

/** Outlets an item (or every item of a selection) may go to: never a public-only one (the portal) for a non-public one; the server refuses it too. */
export function allowedOutlets(policy: Policy | undefined, isPublic: boolean): string[] {
  return Object.keys(policy?.outlets ?? {}).filter((code) => isPublic || !isPublicOnlyOutlet([policy!], code));
}

/**
 * The dialog's opening state: the outlet used last (or 《番府信息》) ticked, each graded outlet with
 * its last kind (or its middle one, 标题信息), each outlet with the issue used last.
 */
export function defaultChoices(
  policy: Policy | undefined,
  isPublic: boolean,
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage
): AdoptionChoices {
  const memory = readMemory(storage);
  const outlets = allowedOutlets(policy, isPublic);
  const first =
    memory.outlet && outlets.includes(memory.outlet)
      ? memory.outlet
      : outlets.includes(FIRST_OUTLET)
        ? FIRST_OUTLET
        : outlets[0];
  return Object.fromEntries(
    outlets.map((code) => {
      const kinds = gradedKinds(policy, code);
      const remembered = memory.outlets?.[code];
      const kind = kinds.length
        ? remembered?.kind && kinds.includes(remembered.kind)
          ? remembered.kind
          : kinds[Math.floor(kinds.length / 2)]
        : undefined;
      return [code, { checked: code === first, kind, issue: remembered?.issue }];
    })
  );
}

/** The adoption records the ticked lines make. */
export function adoptionRecords(
  policy: Policy | undefined,
  choices: AdoptionChoices,
  date: string
): AdoptionRecordInput[] {
  return Object.entries(choices)
    .filter(([, c]) => c.checked)
    .map(([outlet, c]) => ({
      outlet,
      kind: gradedKinds(policy, outlet).length ? (c.kind ?? null) : null,
      date,
      issue: c.issue?.trim() || null,
    }));
}

/** Points one outlet's adoption earns by the policy; undefined until a needed kind is chosen. */
export function outletPoints(policy: Policy | undefined, outlet: string, kind: string | undefined): number | undefined {
  const value = policy?.outlets[outlet]?.points;
  return value === undefined ? undefined : pointsFor(value, kind);
}

/** Points the item earns from these adoptions, by the rules engine itself (each outlet counts once). */
export function acceptPoints(policy: Policy | undefined, records: readonly AdoptionRecordInput[]): number {
  if (!policy) return 0;
  const bookings = computeItemBookings(
    {
      id: 0,
      ref: 'new',
      unitId: 0,
      submitted: records[0]?.date ?? '',
      adoptions: records.map((r, i) => ({ ref: `new-${i}`, outlet: r.outlet, kind: r.kind, date: r.date })),
      instructions: [],
      upwards: [],
      responses: [],
    },
    [policy]
  );
  return bookings.reduce((sum, b) => sum + b.points, 0);
}

/** Forms show the server's refusals themselves (quiet). */
export const acceptItem = (itemId: number, version: number, adoptions: AdoptionRecordInput[]) =>
  http.post<{ status: string; adoptions: { id: number; ref: string }[] }>(
    `/api/items/${itemId}/accept`,
    { version, adoptions },
    { quiet: true }
  );

export const adoptIntoIssue = (items: readonly { id: number; version: number }[], adoption: AdoptionRecordInput) =>
  http.post<{ adopted: number; refs: string[] }>(
    '/api/items/bulk-adoptions',
    { items: items.map(({ id, version }) => ({ id, version })), ...adoption },
    { quiet: true }
  );

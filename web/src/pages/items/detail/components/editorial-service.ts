/** The editor's records on an item (adoption, instruction, upward): API calls and the pure rules of the dialogs. */
import { isPublicOnlyOutlet, pointsFor, type Policy } from '@domain/policy';
import type {
  AdoptionBody,
  AdoptionCreated,
  Done,
  InstructionBody,
  RecordCreated,
  SimilarItem,
  UpwardBody,
} from '@shared/api/items';
import { http } from '../../../../http';
import type { ItemBooking } from '../types';

export interface Choice {
  value: string;
  label: string;
}

/** Outlets an item may be adopted into: every outlet of the policy, but never a public-only one (the portal) for a non-public item; the server refuses it too. */
export function adoptionOutlets(policy: Policy | undefined, isPublic: boolean): Choice[] {
  return Object.entries(policy?.outlets ?? {})
    .filter(([code]) => isPublic || !isPublicOnlyOutlet([policy!], code))
    .map(([code, outlet]) => ({ value: code, label: outlet.name }));
}

/** Kinds an outlet grades by (《番府信息上报》: 综合调研类 / 标题信息 / 短波信息); none when its points are one number. */
export function outletKinds(policy: Policy | undefined, outlet: string | undefined): Choice[] {
  const points = outlet ? policy?.outlets[outlet]?.points : undefined;
  return kindChoices(policy, points);
}

/** Kinds an upward level grades its adoptions by (市政府办公厅); none for a single value. */
export function upwardKinds(policy: Policy | undefined, level: string | undefined): Choice[] {
  return kindChoices(policy, level ? policy?.upward[level]?.adoption : undefined);
}

function kindChoices(policy: Policy | undefined, points: number | Record<string, number> | undefined): Choice[] {
  if (!points || typeof points === 'number') return [];
  return Object.keys(points).map((kind) => ({ value: kind, label: policy?.kinds[kind] ?? kind }));
}

/** Names of the outlets with a property (e.g. those whose adoption makes upward records count), joined with 或. */
export function outletNames(policy: Policy | undefined, property: 'instructionBonus' | 'upwardEligible'): string {
  return Object.values(policy?.outlets ?? {})
    .filter((o) => o[property])
    .map((o) => o.name)
    .join('或');
}

/** The points the policy gives an adoption, for the dialog's hint; undefined until a kind is chosen where needed. */
export function adoptionPoints(
  policy: Policy | undefined,
  outlet: string | undefined,
  kind: string | undefined
): number | undefined {
  const value = outlet ? policy?.outlets[outlet]?.points : undefined;
  return value === undefined ? undefined : pointsFor(value, kind);
}

/** The points a record earned: the sum of the item's bookings that name it; undefined when none do. */
export function recordPoints(bookings: readonly ItemBooking[], ref: string): number | undefined {
  const own = bookings.filter((b) => b.record.id === ref);
  return own.length ? own.reduce((sum, b) => sum + b.points, 0) : undefined;
}

export type { SimilarItem };

/** Why an item is a suspected duplicate, in a few words. */
export const SIMILAR_REASONS = { title: '同一单位、标题相似', body: '正文几乎相同' } as const;

/** Look-alike items; a failure only costs the warning, so it stays quiet. */
export function loadSimilarItems(itemId: number, signal?: AbortSignal): Promise<SimilarItem[]> {
  return http.get<SimilarItem[]>(`/api/items/${itemId}/similar`, { signal, quiet: true });
}

/** An adoption as the dialog sends it: every field present, null when empty. */
export type AdoptionInput = Required<AdoptionBody>;

/** Forms show the server's refusals themselves (quiet), keeping what was typed. */
export const saveAdoption = (itemId: number, input: AdoptionInput, existing?: { id: number; version: number }) =>
  existing
    ? http.put<Done>(
        `/api/items/${itemId}/adoptions/${existing.id}`,
        { ...input, version: existing.version },
        { quiet: true }
      )
    : http.post<AdoptionCreated>(`/api/items/${itemId}/adoptions`, input, { quiet: true });

export const undoAdoption = (itemId: number, adoptionId: number) =>
  http.delete<Done>(`/api/items/${itemId}/adoptions/${adoptionId}`, { quiet: true });

export type InstructionInput = Required<InstructionBody>;

export const saveInstruction = (itemId: number, input: InstructionInput) =>
  http.post<RecordCreated>(`/api/items/${itemId}/instructions`, input, { quiet: true });

export type UpwardInput = Required<UpwardBody>;

export const saveUpward = (itemId: number, input: UpwardInput) =>
  http.post<RecordCreated>(`/api/items/${itemId}/upwards`, input, { quiet: true });

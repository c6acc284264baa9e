/**
 * Finding a unit by name or by the initials of its pinyin (`swz` → 沙湾镇), as people type. The
 * server spells the initials (GET /api/units, src/domain/unit-initials.ts); the units loader
 * remembers them here, so the pages need no pinyin dictionary of their own.
 */
import { matchesUnitSearch } from '@domain/unit-search';

const initialsByName = new Map<string, string>();

/** Keeps the initials of units as the server sent them. */
export function rememberInitials(units: readonly { name: string; initials: string }[]): void {
  for (const unit of units) initialsByName.set(unit.name, unit.initials);
}

/** Whether a name matches what was typed: a part of the name, or a run of its pinyin initials. */
export const matchesUnit = (name: string, typed: string): boolean =>
  matchesUnitSearch(name, initialsByName.get(name), typed);

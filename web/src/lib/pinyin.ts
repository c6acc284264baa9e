/** Finding a unit by name or by the initials of its pinyin (`swz` → 沙湾镇), as people type. */
import { pinyin } from 'pinyin-pro';

const initialsCache = new Map<string, string>();

/** Pinyin initials of a Chinese name, lower case: 沙湾镇 → swz. */
export function pinyinInitials(name: string): string {
  let initials = initialsCache.get(name);
  if (initials === undefined) {
    initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
    initialsCache.set(name, initials);
  }
  return initials;
}

/** Whether a name matches what was typed: a part of the name, or a run of its pinyin initials. */
export function matchesUnit(name: string, typed: string): boolean {
  const needle = typed.trim().toLowerCase();
  if (!needle) return true;
  if (name.toLowerCase().includes(needle)) return true;
  return /^[a-z]+$/.test(needle) && pinyinInitials(name).includes(needle);
}

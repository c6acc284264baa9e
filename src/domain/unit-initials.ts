/**
 * Pinyin initials of a unit's name, lower case (沙湾镇 → swz), by which people find a unit as they
 * type. Spelled on the server and sent with the units, so the pages carry no pinyin dictionary
 * (about 140 KB of compressed JavaScript on every page with a unit picker).
 */
import { pinyin } from 'pinyin-pro';

const spelled = new Map<string, string>();

export function pinyinInitials(name: string): string {
  let initials = spelled.get(name);
  if (initials === undefined) {
    initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
      .join('')
      .toLowerCase();
    spelled.set(name, initials);
  }
  return initials;
}

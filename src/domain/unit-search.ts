/**
 * Finding a unit as people type: a part of its name, or a run of the pinyin initials of its name
 * (`swz` → 沙湾镇). The same test on the pages and on the server, so an export holds exactly the
 * units the page showed. The initials are spelled by unit-initials.ts on the server.
 */
export function matchesUnitSearch(name: string, initials: string | undefined, typed: string): boolean {
  const needle = typed.trim().toLowerCase();
  if (!needle) return true;
  if (name.toLowerCase().includes(needle)) return true;
  return /^[a-z]+$/.test(needle) && (initials?.includes(needle) ?? false);
}

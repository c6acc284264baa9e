/**
 * Plain-text tables aligned for a terminal that draws CJK characters two columns wide.
 */

/** Display width of a string: East Asian wide and fullwidth characters count two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
}

function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Renders rows under headers, each column as wide as its widest cell, two spaces apart. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((row) => row.map((cell) => String(cell)));
  const widths = columns.map((column, i) =>
    Math.max(displayWidth(column.header), ...cells.map((row) => displayWidth(row[i] ?? '')))
  );
  const line = (row: readonly string[]) =>
    columns
      .map((column, i) => pad(row[i] ?? '', widths[i], column.align ?? 'left'))
      .join('  ')
      .replace(/\s+$/, '');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.header)), rule, ...cells.map(line)].join('\n');
}

/** Chinese numerals for quarters: 1 → 一. */
export const QUARTER_NAMES = ['', '一', '二', '三', '四'];

/** Points with a sign where it helps: +8, −5, 0. */
export function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

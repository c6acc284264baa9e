/**
 * A ledger import's problems as the web pages show them: each problem text (`FILE:LINE: message`,
 * `FILE:SHEET:ROW: message` or `FILE: message`, see locationOf) split into where it stands, the
 * field it names and the value it quotes. The CLI prints the same texts whole.
 */
export interface LedgerProblem {
  /** Where the problem stands, as the text names it (`台账.csv:3`). */
  location: string;
  file: string;
  /** The worksheet, for XLSX. */
  sheet: string | null;
  /** Line (CSV, JSON Lines) or row (XLSX); null for a problem of the whole file or sheet. */
  line: number | null;
  /** The field named (`outlet（采用载体）`), when the message names one. */
  field: string | null;
  /** The value quoted, when the message quotes one. */
  value: string | null;
  message: string;
}

// A field named as `name（label）` or `name 的值` at the start of the message, or after 缺少字段 / 没有字段.
const FIELDS = [
  /^([A-Za-z_]+（[^）]+）)/,
  /^([A-Za-z_]+) 的值/,
  /缺少字段 ([A-Za-z_]+（[^）]+）|[A-Za-z_]+)/,
  /没有字段 ([A-Za-z_]+)/,
];
// A value quoted as `的值 X` (JSON text or a date), `（值 X）`, or after `的值 "…"`.
const VALUE = /(?:的值 |（值 )("(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^\s，；）]+)/;

/** Splits one problem text; a text without a location keeps the whole text as its message. */
export function describeLedgerProblem(text: string): LedgerProblem {
  const separator = text.indexOf(': ');
  const location = separator === -1 ? '' : text.slice(0, separator);
  const message = separator === -1 ? text : text.slice(separator + 2);
  const parts = location === '' ? [] : location.split(':');
  let line: number | null = null;
  if (parts.length > 1 && /^\d+$/.test(parts[parts.length - 1])) line = Number(parts.pop());
  const file = parts[0] ?? '';
  const sheet = parts.length > 1 ? parts.slice(1).join(':') : null;
  const field = FIELDS.map((pattern) => pattern.exec(message)?.[1]).find((name) => name !== undefined) ?? null;
  const value = VALUE.exec(message)?.[1] ?? null;
  return { location, file, sheet, line, field, value, message };
}

/** A file name fit to stand in problem locations: no path, no `:` that would split a location. */
export function uploadName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[:\u0000-\u001f]/g, '_').trim();
  return clean === '' ? '台账' : clean.slice(-120);
}

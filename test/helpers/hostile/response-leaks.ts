/**
 * Signs that an answer carries internal detail: a stack frame, a source path, a database error
 * or its SQL, a JavaScript error name. The hostile strings the campaign sends contain none of
 * these, so an answer that echoes a request back does not trip them.
 */
const LEAKS: [name: string, pattern: RegExp][] = [
  ['stack frame', /\bat [\w.<>$]+ \(|\n\s+at |\bat (file:|node:|\/)/],
  ['source path', /\/(work|home|usr|tmp|opt|srv)\/[\w.-]+\/|node_modules|\.(ts|js|mjs):\d+/],
  ['SQLite error', /SQLITE_\w+|sqlite3?\b|no such (table|column)|UNIQUE constraint|constraint failed/i],
  [
    'PostgreSQL error',
    /relation \\?"|violates [\w ]+ constraint|out of range for type|syntax error at or near|invalid input syntax|duplicate key value|\bpg_\w+/i,
  ],
  ['SQL text', /\b(select|insert into|update|delete from)\b[^"]{0,80}\b(from|values|set|where)\b\s+"?\w+"?/i],
  [
    'JavaScript error',
    /\b(TypeError|ReferenceError|RangeError|SyntaxError|URIError)\b|Cannot read propert|is not a function|undefined is not/,
  ],
  ['library name', /\bkysely\b|\bfastify\b|\bajv\b|better-sqlite3/i],
];

/** The kinds of internal detail found in a response body (empty when it is clean). */
export function leaksIn(body: string): string[] {
  return LEAKS.filter(([, pattern]) => pattern.test(body)).map(([name]) => name);
}

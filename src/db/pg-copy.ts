import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Rows for a `COPY … FROM STDIN` statement, passed through Kysely as the statement's one
 * parameter. Kysely hands a query's text and parameters to the pool's client unchanged, so the
 * client (see `enableCopyFromStdin`) can stream them on the same connection, inside the same
 * transaction as every other statement of the import.
 */
export class CopyRows {
  constructor(readonly rows: readonly (readonly unknown[])[]) {}
}

/** A value in COPY's text format: `\N` is NULL, and backslash, tab, newline and return are escaped. */
export function copyTextValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value !== 'string') throw new TypeError(`COPY cannot write a value of type ${typeof value}`);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : value;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Rows per chunk written to the socket: large enough that per-write cost vanishes. */
const ROWS_PER_CHUNK = 2_000;

function* copyText(rows: readonly (readonly unknown[])[]): Generator<string> {
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    let chunk = '';
    for (const row of rows.slice(start, start + ROWS_PER_CHUNK)) chunk += row.map(copyTextValue).join('\t') + '\n';
    yield chunk;
  }
}

type QueryResultLike = { command: string; rowCount: number; rows: never[] };

/**
 * Makes every client the pool creates run a query whose only parameter is `CopyRows` as
 * `COPY … FROM STDIN`, streaming the rows in text format. Any other query runs as before.
 */
export function enableCopyFromStdin(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const copying = (text: unknown, values: unknown): values is [CopyRows] =>
      typeof text === 'string' && Array.isArray(values) && values.length === 1 && values[0] instanceof CopyRows;
    client.query = ((...args: unknown[]) => {
      const [text, values] = args;
      return copying(text, values) ? streamCopy(query, text as string, values[0]) : query(...args);
    }) as typeof client.query;
  });
}

async function streamCopy(
  query: (...args: unknown[]) => unknown,
  text: string,
  { rows }: CopyRows
): Promise<QueryResultLike> {
  const stream = query(copyFrom(text)) as ReturnType<typeof copyFrom>;
  await pipeline(Readable.from(copyText(rows)), stream);
  return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
}

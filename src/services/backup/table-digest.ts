import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';
import {
  listColumns,
  listPrimaryKey,
  listTableNames,
  readRowsAfter,
  readRowsOrdered,
  type TableRow,
} from '../../db/repositories/table-content.repository.js';

/** One table's fingerprint: its row count and a SHA-256 over its rows in key order. */
export interface TableDigest {
  table: string;
  rows: number;
  sha256: string;
}

const PAGE = 5_000;

/**
 * A value written the same way whatever driver read it: bytes (attachments) as base64, dates
 * as ISO text, big integers as decimal text; text goes through JSON, so Chinese is hashed as
 * its UTF-8 bytes.
 */
function canonical(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('base64') };
  if (value instanceof Date) return { time: value.toISOString() };
  if (typeof value === 'bigint') return { int: value.toString() };
  return value ?? null;
}

/** Digests one table: rows by primary key (by every column when it has none), columns by name. */
export async function digestTable(db: Db, table: string): Promise<TableDigest> {
  const columns = (await listColumns(db, table)).sort();
  const key = await listPrimaryKey(db, table);
  const hash = createHash('sha256');
  let rows = 0;
  const add = (row: TableRow) => {
    hash.update(JSON.stringify(columns.map((column) => canonical(row[column]))));
    hash.update('\n');
    rows++;
  };
  if (key.length === 1) {
    // Keyset pages: a large table is read a page at a time, never whole.
    let after: unknown;
    for (;;) {
      const page = await readRowsAfter(db, table, key[0], after, PAGE);
      page.forEach(add);
      if (page.length < PAGE) break;
      after = page[page.length - 1][key[0]];
    }
  } else {
    (await readRowsOrdered(db, table, key.length > 0 ? key : columns)).forEach(add);
  }
  return { table, rows, sha256: hash.digest('hex') };
}

/** Digests every table of the database, by name. */
export async function digestTables(db: Db): Promise<TableDigest[]> {
  const digests: TableDigest[] = [];
  for (const table of await listTableNames(db)) digests.push(await digestTable(db, table));
  return digests;
}

/**
 * The promises of docs/ARCHITECTURE.md that a reader cannot check by eye every time: SQL lives in
 * src/db only, and route handlers take typed requests from their schemas instead of casting them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => path.join(folder, name));
}

/** `file:line: text` for every line of the files that matches. */
function linesMatching(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, index) => (pattern.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : []))
  );
}

describe('architecture', () => {
  it('keeps SQL in src/db: no query builder call or sql template anywhere else in src', () => {
    const outsideDb = sourceFiles('src').filter((file) => !file.startsWith(`src${path.sep}db${path.sep}`));
    expect(
      linesMatching(
        outsideDb,
        /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql\s*`|\bsql\.(raw|ref|lit|id|table|join)\(/
      )
    ).toEqual([]);
  });

  it('types route handlers by their schemas: no request body, query or params is cast', () => {
    expect(linesMatching(sourceFiles('src/server/routes'), /request\.(body|query|params)\)?\s+as\s/)).toEqual([]);
  });
});

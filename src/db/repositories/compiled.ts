import { CompiledQuery, type Compilable } from 'kysely';
import type { Db } from '../database.js';

/**
 * Hot queries built once per shape. Kysely builds and compiles a node tree on every call, which
 * costs as much as the query itself for a small indexed read; here the query is built once with
 * placeholder values, and each call swaps its own values in.
 */
const cache = new WeakMap<object, Map<string, Prepared>>();

/** A compiled query, and for each of its parameters the argument it takes (or -1: a fixed value). */
interface Prepared {
  sql: string;
  parameters: readonly unknown[];
  argumentIndexes: readonly number[];
}

const PLACEHOLDER = /^\u0000arg(\d+)\u0000$/;

/** A value that stands for argument `index` while the query is built. */
export function placeholder(index: number): string {
  return `\u0000arg${index}\u0000`;
}

export async function executeCompiled<R>(
  db: Db,
  shape: string,
  build: () => Compilable<R>,
  args: readonly unknown[]
): Promise<R[]> {
  const key = db.getExecutor().adapter;
  let byShape = cache.get(key);
  if (!byShape) cache.set(key, (byShape = new Map<string, Prepared>()));
  let prepared = byShape.get(shape);
  if (!prepared) {
    const { sql, parameters } = build().compile();
    const argumentIndexes = parameters.map((value) => {
      const match = typeof value === 'string' ? PLACEHOLDER.exec(value) : null;
      return match ? Number(match[1]) : -1;
    });
    byShape.set(shape, (prepared = { sql, parameters, argumentIndexes }));
  }
  const { sql, parameters, argumentIndexes } = prepared;
  const values = argumentIndexes.map((index, i) => (index === -1 ? parameters[i] : args[index]));
  const { rows } = await db.executeQuery<R>(CompiledQuery.raw(sql, values));
  return rows;
}

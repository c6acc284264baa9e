import { CompiledQuery, type Compilable } from 'kysely';
import type { Db } from '../database.js';

/**
 * Hot queries built once per shape. Kysely builds and compiles a node tree on every call, which
 * costs as much as the query itself for a small indexed read; here the query is built once with
 * placeholder values, and each call swaps its own values in.
 */
const cache = new WeakMap<object, Map<string, CompiledQuery>>();

/** A value that stands for argument `index` while the query is built. */
export function placeholder(index: number): string {
  return `\u0000arg${index}\u0000`;
}

export async function executeCompiled<R>(db: Db, shape: string, build: () => Compilable<R>, args: readonly unknown[]): Promise<R[]> {
  const key = db.getExecutor().adapter;
  let byShape = cache.get(key);
  if (!byShape) cache.set(key, (byShape = new Map()));
  let compiled = byShape.get(shape);
  if (!compiled) {
    compiled = build().compile();
    byShape.set(shape, compiled);
  }
  const parameters = compiled.parameters.map((value) => {
    const match = typeof value === 'string' ? /^\u0000arg(\d+)\u0000$/.exec(value) : null;
    return match ? args[Number(match[1])] : value;
  });
  const { rows } = await db.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters));
  return rows;
}

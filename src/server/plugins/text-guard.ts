import type { FastifyInstance } from 'fastify';
import { ServiceError } from '../../services/service-error.js';

/**
 * The path to the first string holding a NUL character in a parsed query or JSON body, if any.
 * Iterative: a body may be nested far deeper than the call stack.
 */
export function pathToNul(value: unknown): string[] | undefined {
  const pending: [unknown, string[]][] = [[value, []]];
  while (pending.length) {
    const [node, path] = pending.pop()!;
    if (typeof node === 'string') {
      if (node.includes('\u0000')) return path;
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key.includes('\u0000')) return [...path, key];
        pending.push([child, [...path, key]]);
      }
    }
  }
  return undefined;
}

/**
 * Refuses (400) a query or JSON body carrying a NUL character, after access control: PostgreSQL
 * cannot store or compare text holding one, so it would otherwise fail the query (a 500), and
 * SQLite would store text that no export or page shows whole.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [context, value] of [
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const path = pathToNul(value);
      if (path) {
        const field = path.join('.') || context;
        throw new ServiceError('invalid', '内容含有不允许的空字符（NUL）', { field, label: field });
      }
    }
  });
}

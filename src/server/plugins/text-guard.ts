import type { FastifyInstance } from 'fastify';
import { ServiceError } from '../../services/service-error.js';

/** A node met while walking a value: its key and the node holding it, so a path is built only when needed. */
interface Step {
  value: unknown;
  key: string;
  parent?: Step;
}

const pathOf = (step: Step | undefined): string[] => {
  const path: string[] = [];
  for (let at = step; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
};

/**
 * The path to the first string holding a NUL character in a parsed query or JSON body, if any.
 * Iterative and linear in the value's size: a body may be nested far deeper than the call stack,
 * and copying the path at every level would make a deep body cost quadratic time.
 */
export function pathToNul(value: unknown): string[] | undefined {
  const pending: Step[] = [{ value, key: '' }];
  while (pending.length) {
    const step = pending.pop()!;
    if (typeof step.value === 'string') {
      if (step.value.includes('\u0000')) return pathOf(step);
    } else if (step.value !== null && typeof step.value === 'object') {
      for (const [key, child] of Object.entries(step.value)) {
        if (key.includes('\u0000')) return [...pathOf(step), key];
        pending.push({ value: child, key, parent: step });
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
        // A NUL thousands of levels down would otherwise name a field thousands of keys long.
        const field = (path.length > 10 ? [...path.slice(0, 10), '…'] : path).join('.') || context;
        throw new ServiceError('invalid', '内容含有不允许的空字符（NUL）', { field, label: field });
      }
    }
  });
}

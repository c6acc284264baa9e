import type { FastifyInstance } from 'fastify';
import { hasForbiddenCharacters } from '../../domain/text-characters.js';

/** The keyword a refused text is reported under, so the error handler names the field like any validation error. */
export const FORBIDDEN_CHARACTERS_KEYWORD = 'forbiddenCharacters';

/** A node met while walking a value, linked to its parent so a path is built only for the one reported. */
interface Step {
  value: unknown;
  key: string;
  parent?: Step;
}

/** A step's JSON pointer; past 10 levels the middle is elided, so a deep body cannot make the answer huge. */
function pointerOf(step: Step): string {
  const keys: string[] = [];
  for (let at: Step | undefined = step; at?.parent; at = at.parent) keys.push(at.key);
  keys.reverse();
  return (keys.length > 10 ? [...keys.slice(0, 10), '…'] : keys).map((key) => `/${key}`).join('');
}

/**
 * The JSON pointer (`/title`, `/units/2`) of the first string in `value` holding a NUL or a lone
 * surrogate, or undefined. Iterative and linear in the value's size: a body may be nested far deeper
 * than the call stack, and copying the path at every level would cost quadratic time (a body
 * 100,000 levels deep held a request for minutes in the hostile-input run).
 */
export function forbiddenTextPath(value: unknown): string | undefined {
  const pending: Step[] = [{ value, key: '' }];
  while (pending.length > 0) {
    const step = pending.pop()!;
    if (typeof step.value === 'string') {
      if (hasForbiddenCharacters(step.value)) return pointerOf(step);
    } else if (typeof step.value === 'object' && step.value !== null) {
      for (const [key, item] of Object.entries(step.value)) {
        // A key is text too; it is reported at the object holding it.
        if (hasForbiddenCharacters(key)) return pointerOf(step);
        pending.push({ value: item, key, parent: step });
      }
    }
  }
  return undefined;
}

/**
 * Refuses NUL characters and lone surrogates in every text an API request sends (body, query,
 * path), in one place for every route: each answers 400 naming the field, before any schema or
 * use case sees the text. Registered after access control, so a caller without the right learns nothing.
 */
export function registerTextCharacterCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const parts = [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const;
    for (const [context, value] of parts) {
      const path = forbiddenTextPath(value);
      if (path === undefined) continue;
      throw Object.assign(new Error('text holds a NUL character or a lone surrogate'), {
        statusCode: 400,
        validationContext: context,
        validation: [{ instancePath: path, keyword: FORBIDDEN_CHARACTERS_KEYWORD, params: {} }],
      });
    }
  });
}

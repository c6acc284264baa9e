import type { FastifyInstance } from 'fastify';
import { hasForbiddenCharacters } from '../../domain/text-characters.js';

/** The keyword a refused text is reported under, so the error handler names the field like any validation error. */
export const FORBIDDEN_CHARACTERS_KEYWORD = 'forbiddenCharacters';

/**
 * The JSON pointer (`/title`, `/units/2`) of the first string in `value` holding a NUL or a lone
 * surrogate, or undefined. Walks with its own stack: a deeply nested body must not overflow the call stack.
 */
export function forbiddenTextPath(value: unknown): string | undefined {
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (hasForbiddenCharacters(current)) return path;
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, path: `${path}/${index}` }));
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        // A key is text too; it is reported at the object holding it.
        if (hasForbiddenCharacters(key)) return path;
        pending.push({ value: item, path: `${path}/${key}` });
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

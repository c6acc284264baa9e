import type { FastifyInstance, FastifyRequest } from 'fastify';
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
 * The JSON pointer of the first value in a parsed request part that `isRefused` refuses (object
 * keys are offered too, reported at the object holding them), or undefined. Iterative and linear
 * in the value's size: a body may be nested far deeper than the call stack, and copying the path
 * at every level would cost quadratic time (a body 100,000 levels deep held a request for minutes
 * in the hostile-input run).
 */
export function firstRefusedPath(value: unknown, isRefused: (leaf: unknown) => boolean): string | undefined {
  const pending: Step[] = [{ value, key: '' }];
  while (pending.length > 0) {
    const step = pending.pop()!;
    if (typeof step.value === 'object' && step.value !== null) {
      for (const [key, item] of Object.entries(step.value)) {
        if (isRefused(key)) return pointerOf(step);
        pending.push({ value: item, key, parent: step });
      }
    } else if (isRefused(step.value)) return pointerOf(step);
  }
  return undefined;
}

/** The JSON pointer (`/title`, `/units/2`) of the first text holding a NUL or a lone surrogate. */
export function forbiddenTextPath(value: unknown): string | undefined {
  return firstRefusedPath(value, (leaf) => typeof leaf === 'string' && hasForbiddenCharacters(leaf));
}

/** Answers 400 naming the first field of params, query or body holding a value `isRefused` refuses. */
function refuseWhere(request: FastifyRequest, isRefused: (leaf: unknown) => boolean, keyword: string): void {
  const parts = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ] as const;
  for (const [context, value] of parts) {
    const path = firstRefusedPath(value, isRefused);
    if (path === undefined) continue;
    throw Object.assign(new Error(`a request value is refused (${keyword})`), {
      statusCode: 400,
      validationContext: context,
      validation: [{ instancePath: path, keyword, params: {} }],
    });
  }
}

/**
 * Refuses NUL characters and lone surrogates in every text an API request sends (body, query,
 * path), in one place for every route: each answers 400 naming the field, before any schema or
 * use case sees the text. Registered after access control, so a caller without the right learns
 * nothing. After validation, refuses an infinite number the same way.
 */
export function registerTextCharacterCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    refuseWhere(
      request,
      (leaf) => typeof leaf === 'string' && hasForbiddenCharacters(leaf),
      FORBIDDEN_CHARACTERS_KEYWORD
    );
  });
  // The schemas' type coercion turns a text such as "1e309" into Infinity, which then passes an
  // integer's maximum (an Ajv gap) and fails the database query; no number a request may carry is infinite.
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    refuseWhere(request, (leaf) => typeof leaf === 'number' && !Number.isFinite(leaf), 'type');
  });
}

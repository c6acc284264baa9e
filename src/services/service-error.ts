/**
 * A use case's refusal, with a message for the user in Chinese. The server maps `kind` to a
 * status: invalid 400, unauthenticated 401, forbidden 403, not_found 404, conflict 409, too_large 413, locked 423, too_many 429.
 */
export class ServiceError extends Error {
  constructor(
    readonly kind:
      'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'locked' | 'too_many' | 'too_large',
    message: string,
    readonly details: { field?: string; [key: string]: unknown } = {}
  ) {
    super(message);
  }

  /** Whether the refusal is already in the audit log (the server audits the rest). */
  isAudited = false;

  audited(): this {
    this.isAudited = true;
    return this;
  }
}

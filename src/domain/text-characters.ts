/**
 * Characters no text field may hold: NUL (PostgreSQL refuses it in text, C-based tools cut the
 * text at it) and a lone UTF-16 surrogate (not a character at all: it cannot be encoded as
 * UTF-8, so it would be stored as U+FFFD or break an export). Both are refused, not cleaned,
 * so what a user sent is never silently changed.
 */
const FORBIDDEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a text holds a NUL character or a lone surrogate. */
export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** Why such a text is refused, in Chinese, after the field's name. */
export const FORBIDDEN_CHARACTERS_PROBLEM = '含有空字符（U+0000）或不完整的 Unicode 字符（单独的代理项），请删去后重试';

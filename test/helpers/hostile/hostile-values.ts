import fc from 'fast-check';

/** A lone UTF-16 surrogate: valid in a JS string, not in UTF-8, so it tests every encoder on the way. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Characters that break naive code: NUL, controls, direction overrides, zero widths, a BOM, combining marks. */
const trickyCharacter = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\u202e',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '\u0301',
  '\u2028',
  '\r\n',
  '𠀀',
  '👨‍👩‍👧',
  '沙湾镇'
);

/**
 * Strings an attacker or a broken client sends: injection attempts, path traversal, markup,
 * and text laced with NUL, lone surrogates and other tricky characters.
 */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    "' OR '1'='1",
    '1; DROP TABLE items; --',
    "%' UNION SELECT 1 --",
    '../../../../etc/passwd',
    '<script>alert(1)</script>',
    '{{7*7}}${7*7}',
    '__proto__',
    'constructor',
    'null',
    'true',
    '0',
    '-1',
    '1e309',
    'NaN',
    '2026-02-30',
    '9999-99-99',
    '0000-00-00'
  ),
  fc.string({
    unit: fc.oneof(trickyCharacter, loneSurrogate, fc.string({ minLength: 1, maxLength: 1 })),
    maxLength: 40,
  }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  // Past every declared maxLength, but within the 1 MB body limit.
  fc.constantFrom(201, 2_001, 20_001, 200_000).map((length) => '长'.repeat(length))
);

/** Numbers at and past the edges: negative, zero, fractions, beyond safe integers, beyond doubles. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    -2_147_483_649,
    2_147_483_648,
    2 ** 53 + 1,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    1e-320
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true })
);

/** JSON values nested far deeper than any schema (arrays or objects); deeper still as raw text below. */
export const deepNesting: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(50, 500), fc.boolean())
  .map(([depth, asArrays]) => {
    let value: unknown = 1;
    for (let level = 0; level < depth; level++) value = asArrays ? [value] : { a: value };
    return value;
  });

/** Any JSON value of the wrong kind for a field. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  deepNesting
);

/** Property names that are not in any schema, prototype-pollution keys first. */
export const extraKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'unitId', 'role', 'isAdmin', 'status', ''),
  fc.string({ maxLength: 12 })
);

/**
 * A value in a URL path where the route expects a record id: other units' and absent ids,
 * and strings that are no id at all (already encoded for the URL where needed).
 */
export const hostilePathSegment: fc.Arbitrary<string> = fc.constantFrom(
  '0',
  '-1',
  '1.5',
  '1e3',
  '00001',
  '2147483648',
  '9007199254740993',
  '99999999999999999999999',
  'abc',
  'null',
  '%00',
  '%E6%B2%99',
  '%ED%A0%80',
  '..%2F..%2Fetc',
  '1%20OR%201%3D1',
  '%'
);

/** JSON text nested tens of thousands of levels deep: more than a recursive parser's stack holds. */
const deepJsonText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(5_000, 100_000), fc.boolean())
  .map(([depth, asArrays]) =>
    asArrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
  );

/** Raw request bodies that are not JSON, or are JSON in a wrong form. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  deepJsonText,
  fc.constantFrom(
    '',
    '{',
    '{"title": "a"',
    "{'title': 'a'}",
    '{"a":1}}',
    '\ufeff{}',
    'null',
    '[]',
    '"text"',
    '12',
    '{"a": NaN}',
    '{"__proto__": {"isAdmin": true}}',
    '{"a": "\\ud800"}',
    '{"a": "\u0000"}'
  ),
  fc.string({ unit: 'binary', maxLength: 60 })
);

/** Content types a route does not take, or takes with a trap in the parameters. */
export const wrongContentType: fc.Arbitrary<string> = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/octet-stream',
  '*/*',
  'application/jsonx',
  ';'
);

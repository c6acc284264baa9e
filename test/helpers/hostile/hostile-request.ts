import fc from 'fast-check';
import {
  deepNesting,
  extraKey,
  hostileNumber,
  hostilePathSegment,
  hostileString,
  malformedJson,
  wrongContentType,
  wrongType,
} from './hostile-values.js';
import type { HttpMethod, Operation } from './openapi-operations.js';
import { arbitraryFromSchema, type IdHints, type JsonSchema } from './schema-arbitrary.js';

/** A request as `app.inject` takes it, with a label saying which variant produced it. */
export interface HostileRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** `valid`, `body:wrong-type`, `csrf:missing`…: what the generator did, for the findings. */
  variant: string;
  /** What the CSRF header carries; the campaign fills in the caller's token for `valid`. */
  csrf: 'valid' | 'missing' | 'wrong';
}

/** What the generator may draw from besides the schemas. */
export interface RequestHints extends IdHints {
  /** Ids to put in this operation's path, by parameter (`id`, `childId`): its records in every unit. */
  pathIds: Readonly<Record<string, readonly number[]>>;
  /** Raw JSON bodies close to valid for operations whose body no schema describes (a policy file). */
  freeJsonBodies: readonly unknown[];
  /** Files an upload route may take, as a real client would send them. */
  files: readonly { name: string; data: Buffer }[];
}

/**
 * Percent-encodes any JS string, lone surrogates included (as the bytes a WTF-8 client would
 * send), where `encodeURIComponent` throws.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    else out += encodeURIComponent(char);
  }
  return out;
}

type Query = [name: string, value: string][];

const queryValue = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function validQuery(operation: Operation, hints: IdHints): fc.Arbitrary<Query> {
  const model = Object.fromEntries(operation.query.map((q) => [q.name, arbitraryFromSchema(q.schema, hints, q.name)]));
  return fc
    .record(model, { requiredKeys: operation.query.filter((q) => q.required).map((q) => q.name) })
    .map((values) => Object.entries(values).map(([name, value]) => [name, queryValue(value)]));
}

/** One query parameter replaced, repeated, or added where none is declared. */
function hostileQuery(operation: Operation, hints: IdHints): fc.Arbitrary<Query> {
  const names = operation.query.map((q) => q.name);
  return fc
    .tuple(
      validQuery(operation, hints),
      fc.constantFrom(...(names.length ? names : ['x']), 'unknown', '__proto__'),
      fc.oneof(hostileString, hostileNumber.map(String)),
      fc.constantFrom('replace', 'repeat', 'empty')
    )
    .map(([query, name, value, how]) => {
      const rest = how === 'replace' ? query.filter(([n]) => n !== name) : query;
      return [...rest, [name, how === 'empty' ? '' : value]];
    });
}

const urlOf = (path: string, ids: Record<string, string>, query: Query): string => {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name]);
  const search = query.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
  return search ? `${filled}?${search}` : filled;
};

function pathIds(operation: Operation, hints: RequestHints, hostile: boolean): fc.Arbitrary<Record<string, string>> {
  const segment = (name: string) => {
    const stored = fc.constantFrom(...(hints.pathIds[name] ?? []), 1_000_000).map(String);
    return hostile ? fc.oneof(stored, hostilePathSegment) : stored;
  };
  return fc.record(Object.fromEntries(operation.pathParams.map((name) => [name, segment(name)])));
}

/** Paths to every string, number or other leaf of a generated body, to aim a mutation at one field. */
function fieldPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return prefix.length ? [prefix] : [];
  const own = prefix.length ? [prefix] : [];
  return [
    ...own,
    ...Object.keys(value).flatMap((key) => fieldPaths((value as Record<string, unknown>)[key], [...prefix, key])),
  ];
}

function withField(body: unknown, path: string[], value: unknown, remove = false): unknown {
  if (!path.length) return value;
  const copy: Record<string, unknown> = Array.isArray(body)
    ? ([...body] as unknown as Record<string, unknown>)
    : { ...(body as object) };
  const [head, ...rest] = path;
  if (remove && !rest.length) delete copy[head];
  else copy[head] = withField(copy[head], rest, value, remove);
  return copy;
}

/** A schema-valid body with one field made hostile, dropped, or a key added. */
function mutatedBody(base: fc.Arbitrary<unknown>): fc.Arbitrary<{ body: unknown; variant: string }> {
  return base.chain((body) => {
    const paths = fieldPaths(body);
    const path = paths.length ? fc.constantFrom(...paths) : fc.constant([] as string[]);
    return fc.oneof(
      fc.tuple(path, wrongType).map(([p, v]) => ({ body: withField(body, p, v), variant: 'body:wrong-type' })),
      fc.tuple(path, hostileString).map(([p, v]) => ({ body: withField(body, p, v), variant: 'body:hostile-string' })),
      fc.tuple(path, hostileNumber).map(([p, v]) => ({ body: withField(body, p, v), variant: 'body:hostile-number' })),
      path.map((p) => ({ body: withField(body, p, undefined, true), variant: 'body:missing-field' })),
      fc.tuple(extraKey, wrongType).map(([key, v]) => ({
        body: typeof body === 'object' && body !== null ? { ...body, [key]: v } : { [key]: v },
        variant: 'body:extra-property',
      })),
      deepNesting.map((v) => ({ body: v, variant: 'body:deep-nesting' })),
      wrongType.map((v) => ({ body: v, variant: 'body:wrong-shape' }))
    );
  });
}

/** A JSON text, keeping `__proto__` keys as keys (JSON.stringify of a spread object would drop them). */
const json = (value: unknown): string => JSON.stringify(value) ?? 'null';

function multipartBody(
  files: RequestHints['files'],
  boundary: string
): fc.Arbitrary<{ payload: Buffer; contentType: string; variant: string }> {
  const name = fc.oneof(
    fc.constantFrom(...files.map((f) => f.name)),
    fc.constantFrom('../../../etc/passwd.pdf', 'a.exe', 'no-extension', '.docx', 'x.PDF', '"quoted".pdf', '稿件.docx'),
    hostileString.map((text) => `${text}.pdf`)
  );
  const data = fc.oneof(
    fc.constantFrom(...files.map((f) => f.data)),
    fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
    fc.constantFrom(Buffer.from('PK\u0003\u0004garbage'), Buffer.from('%PDF-'), Buffer.alloc(0))
  );
  const part = (field: string, filename: string, content: Buffer) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`
      ),
      content,
      Buffer.from('\r\n'),
    ]);
  const end = Buffer.from(`--${boundary}--\r\n`);
  const contentType = `multipart/form-data; boundary=${boundary}`;
  return fc.oneof(
    // A real client's file, whole: the route gets past the form into the use case.
    fc.constantFrom(...files).map((f) => ({
      payload: Buffer.concat([part('file', f.name, f.data), end]),
      contentType,
      variant: 'multipart:real-file',
    })),
    fc.tuple(name, data).map(([n, d]) => ({
      payload: Buffer.concat([part('file', n, d), end]),
      contentType,
      variant: 'multipart:file',
    })),
    fc.tuple(name, data).map(([n, d]) => ({
      payload: Buffer.concat([part('other', n, d), end]),
      contentType,
      variant: 'multipart:wrong-field',
    })),
    fc.tuple(name, data).map(([n, d]) => ({
      payload: Buffer.concat([part('file', n, d), part('file', n, d), end]),
      contentType,
      variant: 'multipart:two-files',
    })),
    fc.tuple(name, data).map(([n, d]) => ({
      payload: part('file', n, d),
      contentType,
      variant: 'multipart:unterminated',
    })),
    data.map((d) => ({ payload: d, contentType, variant: 'multipart:no-parts' }))
  );
}

/**
 * Requests for one operation: mostly schema-shaped (so they get past validation into the use
 * case), the rest hostile in one respect each — a field, the query, the path id, the JSON
 * itself, the content type, the CSRF header.
 */
export function hostileRequest(operation: Operation, hints: RequestHints): fc.Arbitrary<HostileRequest> {
  const { method } = operation;
  const isWrite = method !== 'GET';
  const validBody: fc.Arbitrary<unknown> | undefined = operation.body
    ? arbitraryFromSchema(operation.body, hints)
    : hints.freeJsonBodies.length && method === 'POST' && !operation.isMultipart
      ? fc.constantFrom(...hints.freeJsonBodies)
      : undefined;
  const jsonHeaders = { 'content-type': 'application/json' };

  const make =
    (variant: string, csrf: HostileRequest['csrf'] = 'valid') =>
    ([ids, query, payload, headers]: [
      Record<string, string>,
      Query,
      string | Buffer | undefined,
      Record<string, string>,
    ]) =>
      ({ method, url: urlOf(operation.path, ids, query), headers, payload, variant, csrf }) satisfies HostileRequest;

  const ids = pathIds(operation, hints, false);
  const query = validQuery(operation, hints);
  const body = validBody ?? fc.constant(undefined);
  const jsonOf = (b: unknown) => (b === undefined ? undefined : json(b));
  const headersOf = (b: unknown) => (b === undefined ? {} : jsonHeaders);

  // About a third valid, so the use cases behind validation see plenty of traffic too.
  const variants: fc.WeightedArbitrary<HostileRequest>[] = [];
  const add = (arbitrary: fc.Arbitrary<HostileRequest>, weight = 1) => variants.push({ arbitrary, weight });
  add(
    fc.tuple(ids, query, body).map(([i, q, b]) => make('valid')([i, q, jsonOf(b), headersOf(b)])),
    6
  );
  add(
    fc
      .tuple(pathIds(operation, hints, true), query, body)
      .map(([i, q, b]) => make('path:hostile-id')([i, q, jsonOf(b), headersOf(b)]))
  );
  add(
    fc
      .tuple(ids, hostileQuery(operation, hints), body)
      .map(([i, q, b]) => make('query:hostile')([i, q, jsonOf(b), headersOf(b)]))
  );
  if (validBody)
    add(
      fc
        .tuple(ids, query, mutatedBody(validBody))
        .map(([i, q, m]) => make(m.variant)([i, q, json(m.body), jsonHeaders])),
      4
    );
  if (isWrite) {
    add(fc.tuple(ids, query, malformedJson).map(([i, q, text]) => make('json:malformed')([i, q, text, jsonHeaders])));
    add(
      fc
        .tuple(ids, query, body, wrongContentType)
        .map(([i, q, b, type]) => make('content-type:wrong')([i, q, json(b ?? {}), { 'content-type': type }]))
    );
    add(
      fc
        .tuple(ids, query, body, fc.constantFrom<HostileRequest['csrf']>('missing', 'wrong'))
        .map(([i, q, b, csrf]) => make(`csrf:${csrf}`, csrf)([i, q, jsonOf(b), jsonHeaders]))
    );
    // Over the 1 MB body limit.
    add(
      fc
        .tuple(ids, query)
        .map(([i, q]) => make('body:too-large')([i, q, json({ title: 'x'.repeat(1_100_000) }), jsonHeaders]))
    );
  }
  if (operation.isMultipart)
    add(
      fc
        .tuple(ids, query, multipartBody(hints.files, 'govinfo-hostile-boundary'))
        .map(([i, q, m]) => make(m.variant)([i, q, m.payload, { 'content-type': m.contentType }])),
      8
    );
  return fc.oneof(...variants);
}

export type { JsonSchema };

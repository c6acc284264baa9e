import fc from 'fast-check';

/** The part of JSON Schema (as the OpenAPI document prints TypeBox) the request schemas use. */
export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null';
  title?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
}

/**
 * Values that get a generated request past the rules into the use case: ids that exist (else
 * "not found"), current versions, the policy's codes. Drawn often, not always.
 */
export interface IdHints {
  /** Ids of stored records (any table: items, units, accounts…) the campaign created. */
  ids: readonly number[];
  /** Small integers for `version` fields, where a record's current version is usually 1 to 5. */
  versions: readonly number[];
  /** Plausible values by field name: `outlet` → the policy's outlet codes, `phone` → phone numbers. */
  byField: Readonly<Record<string, readonly string[]>>;
}

/** Dates around the test clock, so date fields pass the pattern and often the rules too. */
const plausibleDate = fc
  .tuple(fc.integer({ min: 2009, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

function stringArbitrary(name: string, schema: JsonSchema, hints: IdHints): fc.Arbitrary<string> {
  const plausible = hints.byField[name];
  if (plausible?.length) return fc.oneof({ arbitrary: fc.constantFrom(...plausible), weight: 4 }, anyString(schema));
  return anyString(schema);
}

function anyString(schema: JsonSchema): fc.Arbitrary<string> {
  const maxLength = Math.min(schema.maxLength ?? 60, 60);
  const minLength = schema.minLength ?? 0;
  if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return plausibleDate;
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern), { maxLength: schema.maxLength ?? 200 });
  return fc.oneof(
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    fc.string({ minLength, maxLength, unit: 'grapheme-ascii' })
  );
}

function integerArbitrary(name: string, schema: JsonSchema, hints: IdHints): fc.Arbitrary<number> {
  const bounded = fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000_000 });
  if (name === 'version' && hints.versions.length) return fc.oneof(fc.constantFrom(...hints.versions), bounded);
  if (/(^id$|Id$|Ids?$)/.test(name) && hints.ids.length) return fc.oneof(fc.constantFrom(...hints.ids), bounded);
  return bounded;
}

/**
 * A fast-check arbitrary of values that satisfy `schema` (or nearly: lengths are capped to keep
 * requests small, and ids are drawn from what exists). `name` is the property the value fills,
 * which tells an id or a version from any other integer.
 */
export function arbitraryFromSchema(schema: JsonSchema, hints: IdHints, name = ''): fc.Arbitrary<unknown> {
  const value = valueArbitrary(schema, hints, name);
  return schema.nullable ? fc.option(value, { nil: null, freq: 5 }) : value;
}

function valueArbitrary(schema: JsonSchema, hints: IdHints, name: string): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((option) => arbitraryFromSchema(option, hints, name)));
  switch (schema.type) {
    case 'string':
      return stringArbitrary(name, schema, hints);
    case 'integer':
      return integerArbitrary(name, schema, hints);
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFromSchema(schema.items ?? {}, hints, name), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([key, property]) => [key, arbitraryFromSchema(property, hints, key)])
      );
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

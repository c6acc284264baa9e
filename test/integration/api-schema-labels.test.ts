import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

interface Schema {
  title?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
}

/** Every field a client sends, with its path: nested objects and array items included. */
function fields(
  schema: Schema | undefined,
  path: string,
  out: { path: string; schema: Schema }[] = []
): { path: string; schema: Schema }[] {
  if (!schema) return out;
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    out.push({ path: `${path}.${name}`, schema: property });
    fields(property, `${path}.${name}`, out);
    fields(property.items, `${path}.${name}[]`, out);
    for (const option of property.anyOf ?? []) fields(option, `${path}.${name}`, out);
  }
  return out;
}

const isChinese = (text: string | undefined) => /[\u4e00-\u9fff]/.test(text ?? '');

describe.skipIf(!isDialectAvailable)('API: every field a client sends has a Chinese name for error messages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.cleanup());

  it('titles every body, query and path field in Chinese', async () => {
    const openapi = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: Schema }> };
            parameters?: { name: string; in: string; schema: Schema }[];
          }
        >
      >;
    };
    const untitled: string[] = [];
    for (const [path, methods] of Object.entries(openapi.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const body = operation.requestBody?.content['application/json']?.schema;
        for (const field of fields(body, 'body')) {
          const isArrayItemObject = field.path.endsWith('[]');
          if (!isArrayItemObject && !isChinese(field.schema.title))
            untitled.push(`${method.toUpperCase()} ${path} ${field.path}`);
        }
        for (const parameter of operation.parameters ?? []) {
          if (!isChinese(parameter.schema?.title))
            untitled.push(`${method.toUpperCase()} ${path} ${parameter.in}.${parameter.name}`);
        }
      }
    }
    expect(untitled).toEqual([]);
  });
});

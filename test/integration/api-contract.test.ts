import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe.skipIf(!isDialectAvailable)('API contract: every route declares what it answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.cleanup());

  // Fastify's compiled serializer then drops any field the schema does not list, and the OpenAPI
  // document describes every answer.
  it('declares a response schema for the success status of every operation', async () => {
    const openapi = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const undeclared: string[] = [];
    for (const [path, methods] of Object.entries(openapi.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        const declared = success.some(
          ([status, response]) =>
            status === '204' || Object.values(response.content ?? {}).some((c) => c.schema !== undefined)
        );
        if (!declared) undeclared.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});

import type { JsonSchema } from './schema-arbitrary.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One operation of the OpenAPI document, reduced to what a request generator needs. */
export interface Operation {
  method: HttpMethod;
  /** The OpenAPI path, with `{id}`-style parameters. */
  path: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema; required: boolean }[];
  /** The JSON body's schema, when the operation declares one. */
  body?: JsonSchema;
  /** Uploads (the document says so in the summary: the file part is not a JSON schema). */
  isMultipart: boolean;
}

interface OpenApiOperation {
  summary?: string;
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** Every operation the document declares. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      return {
        method: method.toUpperCase() as HttpMethod,
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: operation.requestBody?.content['application/json']?.schema,
        isMultipart: operation.summary?.includes('multipart/form-data') ?? false,
      };
    })
  );
}

/** `GET /api/items/{id}`: how operations are named in findings and skip lists. */
export const operationName = (operation: Operation): string => `${operation.method} ${operation.path}`;

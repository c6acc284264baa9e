import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { FORBIDDEN_CHARACTERS_PROBLEM } from '../../domain/text-characters.js';
import { PdfUnavailableError } from '../../files/pdf-conversion.js';
import { appendAudit } from '../../services/audit/append-audit.js';
import { ServiceError } from '../../services/service-error.js';
import type { ServerConfig } from '../config.js';
import { actorOf } from './access.js';
import { FORBIDDEN_CHARACTERS_KEYWORD } from './text-characters.js';
import { isPageAddress, sendIndex } from './web-pages.js';

const STATUS: Record<ServiceError['kind'], number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  too_many: 429,
  too_large: 413,
};

/** One field's problem in a 400 answer. */
export interface FieldProblem {
  field: string;
  label: string;
  message: string;
}

/**
 * Answers every error as JSON in Chinese: validation errors name each field by its Chinese
 * label, service refusals keep their message, anything unexpected becomes a generic 500 with
 * a reference and the detail goes to the log only — never a stack trace to the client.
 */
/** `webIndex`: the page shell, answered for page addresses the server has no route for. */
export function registerErrorHandling(
  app: FastifyInstance,
  db: Kysely<Database>,
  config: ServerConfig,
  webIndex?: Buffer
): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error.validation) {
      const fields = error.validation.map((v) => describeValidation(request, error.validationContext ?? 'body', v));
      return reply.status(400).send({ error: 'invalid', message: fields.map((f) => f.message).join('；'), fields });
    }
    if (error instanceof ServiceError) {
      // Every denied access is audited: refusals decided inside a use case are recorded here.
      if (error.kind === 'forbidden' && !error.isAudited) {
        await appendAudit(
          db,
          actorOf(request),
          {
            action: 'access',
            objectType: 'route',
            objectId: `${request.method} ${request.routeOptions.url}`,
            outcome: 'denied',
            after: { reason: error.message },
          },
          config.now()
        );
      }
      const body: Record<string, unknown> = { error: error.kind, message: error.message, ...error.details };
      if (error.details.field && !error.details.fields)
        body.fields = [
          { field: error.details.field, label: error.details.label ?? error.details.field, message: error.message },
        ];
      return reply.status(STATUS[error.kind]).send(body);
    }
    // A PDF asked of a server without LibreOffice: the request names a format this server cannot make.
    if (error instanceof PdfUnavailableError)
      return reply.status(400).send({
        error: 'invalid',
        message: error.message,
        fields: [{ field: 'format', label: '文件格式', message: error.message }],
      });
    if (error.statusCode === 415)
      return reply
        .status(415)
        .send({ error: 'unsupported_media_type', message: '请求内容类型不受支持，请以 JSON 提交' });
    if (error.statusCode === 413) return reply.status(413).send({ error: 'too_large', message: '请求内容过大' });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: 'bad_request', message: '请求格式不正确' });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({ error: 'internal', message: `服务器内部错误，请稍后重试（编号 ${request.id}）` });
  });
  app.setNotFoundHandler((request, reply) => {
    if (webIndex && isPageAddress(request.method, request.url)) return sendIndex(reply, webIndex);
    return reply.status(404).send({ error: 'not_found', message: '请求的资源不存在' });
  });
}

/**
 * An error met while reading an uploaded form: a malformed or truncated multipart body is the
 * client's mistake (400 naming the file field), not a server fault; the multipart plugin's own
 * errors keep their status (413 for too many files or parts).
 */
export function uploadError(error: unknown, field: { field: string; label: string }): Error {
  if (error instanceof ServiceError) return error;
  if (error instanceof Error && typeof (error as FastifyError).statusCode === 'number') return error;
  return new ServiceError('invalid', '上传的表单格式不正确，请重新选择文件上传', field);
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function describeValidation(request: FastifyRequest, context: string, v: AjvError): FieldProblem {
  const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[
    context === 'querystring' ? 'querystring' : context
  ] as JsonSchema | undefined;
  const path = v.instancePath.split('/').filter(Boolean);
  if (v.keyword === 'required') path.push(String(v.params.missingProperty));
  if (v.keyword === 'additionalProperties') path.push(String(v.params.additionalProperty));
  const field = path.join('.') || context;
  const label = labelAt(schema, path) ?? field;
  return { field, label, message: messageFor(v, label) };
}

interface JsonSchema {
  title?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

function labelAt(schema: JsonSchema | undefined, path: string[]): string | undefined {
  let node = schema;
  for (const part of path) node = /^\d+$/.test(part) ? node?.items : node?.properties?.[part];
  return node?.title;
}

function messageFor(v: AjvError, label: string): string {
  const p = v.params;
  switch (v.keyword) {
    case 'required':
      return `缺少“${label}”`;
    case 'minLength':
      return Number(p.limit) === 1 ? `“${label}”不能为空` : `“${label}”至少 ${String(p.limit)} 个字符`;
    case 'maxLength':
      return `“${label}”最多 ${String(p.limit)} 个字符`;
    case 'pattern':
    case 'format':
      return `“${label}”的格式不正确`;
    case 'type':
      return `“${label}”的类型不正确`;
    case 'enum':
    case 'const':
    case 'anyOf':
      return `“${label}”的值不在允许的范围内`;
    case 'minimum':
      return `“${label}”不能小于 ${String(p.limit)}`;
    case 'maximum':
      return `“${label}”不能大于 ${String(p.limit)}`;
    case 'minItems':
      return `“${label}”至少要有 ${String(p.limit)} 项`;
    case 'maxItems':
      return `“${label}”最多 ${String(p.limit)} 项`;
    case 'additionalProperties':
      return `不允许的字段“${label}”`;
    case FORBIDDEN_CHARACTERS_KEYWORD:
      return `“${label}”${FORBIDDEN_CHARACTERS_PROBLEM}`;
    default:
      return `“${label}”不正确`;
  }
}

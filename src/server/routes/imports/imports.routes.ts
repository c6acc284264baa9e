import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { uploadName } from '../../../files/ledger-problems.js';
import { DEFAULT_LEDGER_LIMITS } from '../../../files/read-ledger-file.js';
import { importUpload } from '../../../services/imports/import-upload.js';
import { ledgerTemplateWorkbook } from '../../../services/imports/ledger-template-workbook.js';
import { ServiceError } from '../../../services/service-error.js';
import { ImportPreview, ImportQuery, ImportTemplate } from '../../../shared/api/imports.js';
import { MAX_IMPORT_BYTES } from '../../../shared/limits.js';
import type { Role } from '../../../shared/roles.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actorOf, rateLimit } from '../../plugins/access.js';
import { uploadError } from '../../plugins/errors.js';

// Ledger import is the editor's: it changes scores, and administrators keep the system, not its content.
const IMPORTERS: Role[] = ['editor'];

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * Reads an uploaded file's stream up to `limit` bytes; past it, drains the rest into nothing
 * (so the request completes) and answers undefined. Async iteration rejects when the stream is
 * cut short (a truncated multipart body closes it without an 'end' or an 'error' event).
 */
async function readUpTo(stream: Readable, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
    else chunks.length = 0;
  }
  return size > limit ? undefined : Buffer.concat(chunks);
}

/**
 * 台账导入 from the web pages: the same file formats, validation and single transaction as
 * `govinfo import`. A dry run answers every problem by line, or what would be stored, and
 * stores nothing; the page confirms by sending the same file again with dryRun=false, so no
 * upload is kept between requests.
 */
export function importsRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['台账导入'];
  const limits = config.ledgerLimits ?? DEFAULT_LEDGER_LIMITS;

  app.post(
    '/api/imports',
    {
      config: { access: IMPORTERS },
      schema: {
        tags,
        summary: `导入台账（multipart/form-data，字段 file；.csv 或 .jsonl 最大 ${megabytes(MAX_IMPORT_BYTES)} MB，.xlsx 最大 ${megabytes(limits.maxSpreadsheetBytes)} MB）：dryRun=true（默认）只校验并预览，dryRun=false 校验通过后存储`,
        querystring: ImportQuery,
        response: { 200: ImportPreview },
      },
      preHandler: rateLimit(
        db,
        config,
        'import',
        () => config.costlyRateLimit,
        (request) => String(request.auth?.user.id)
      ),
    },
    async (request) => {
      const dryRun = request.query.dryRun ?? true;
      const fileField = { field: 'file', label: '台账文件' };
      if (!request.isMultipart()) throw new ServiceError('invalid', '请以 multipart/form-data 上传台账文件', fileField);
      // The app's multipart limit is the attachment size; a ledger may be larger, up to its own limit.
      const file = await request
        .file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 }, throwFileSizeLimit: false })
        .catch((error: unknown) => {
          throw uploadError(error, fileField);
        });
      if (!file) throw new ServiceError('invalid', '请选择要导入的台账文件', fileField);
      const name = uploadName(file.filename);
      // A spreadsheet stops being read at its own, smaller limit; the rest of the upload is discarded.
      const isSpreadsheet = path.extname(name).toLowerCase() === '.xlsx';
      const limit = isSpreadsheet ? limits.maxSpreadsheetBytes : MAX_IMPORT_BYTES;
      const data = await readUpTo(file.file, limit).catch((error: unknown) => {
        throw uploadError(error, fileField);
      });
      if (data === undefined || file.file.truncated) {
        const advice = isSpreadsheet ? '请按年度拆分，或另存为 .csv 后导入' : '请按年度或记录类型拆分后分别导入';
        throw new ServiceError('too_large', `台账文件“${name}”超过 ${megabytes(limit)} MB，${advice}`, fileField);
      }
      return importUpload(db, actorOf(request), { name, data, dryRun }, config.now(), limits);
    }
  );

  app.get(
    '/api/imports/template',
    {
      config: { access: IMPORTERS },
      schema: {
        tags,
        summary: '下载台账导入模板（.xlsx，每种记录一个工作表，含说明和示例）',
        response: { 200: ImportTemplate },
      },
    },
    async (_request, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('台账导入模板.xlsx')}`)
        .send(await ledgerTemplateWorkbook())
  );
}

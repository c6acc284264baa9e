import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { uploadName } from '../../../files/ledger-problems.js';
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
 * 台账导入 from the web pages: the same file formats, validation and single transaction as
 * `govinfo import`. A dry run answers every problem by line, or what would be stored, and
 * stores nothing; the page confirms by sending the same file again with dryRun=false, so no
 * upload is kept between requests.
 */
export function importsRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['台账导入'];

  app.post(
    '/api/imports',
    {
      config: { access: IMPORTERS },
      schema: {
        tags,
        summary: `导入台账（multipart/form-data，字段 file；.xlsx、.csv 或 .jsonl，最大 ${megabytes(MAX_IMPORT_BYTES)} MB）：dryRun=true（默认）只校验并预览，dryRun=false 校验通过后存储`,
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
      const file = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }).catch((error: unknown) => {
        throw uploadError(error, fileField);
      });
      if (!file) throw new ServiceError('invalid', '请选择要导入的台账文件', fileField);
      const data = await file.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new ServiceError(
            'invalid',
            `台账文件不能超过 ${megabytes(MAX_IMPORT_BYTES)} MB，请按年度或记录类型拆分后分别导入`,
            fileField
          );
        }
        throw uploadError(error, fileField);
      });
      return importUpload(db, actorOf(request), { name: uploadName(file.filename), data, dryRun }, config.now());
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

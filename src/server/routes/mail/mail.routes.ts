import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { intakeMailAsEditor, type IntakeFile } from '../../../services/mail/intake-mail.js';
import type { MailboxPoller } from '../../../services/mail/mailbox-poller.js';
import { pollMailboxAsEditor } from '../../../services/mail/poll-now.js';
import { readMailboxStatus } from '../../../services/mail/mailbox-status.js';
import { importQuarantined, listQuarantine, rejectQuarantined } from '../../../services/mail/quarantine.js';
import { ServiceError } from '../../../services/service-error.js';
import {
  Done,
  IntakeResult,
  MailboxStatus,
  MailMessageParams,
  QuarantineImportBody,
  QuarantineImported,
  QuarantinePage,
  QuarantineQuery,
  QuarantineRejectBody,
} from '../../../shared/api/mail.js';
import { MAX_MAIL_FILES_PER_UPLOAD, MAX_MAIL_MESSAGE_BYTES } from '../../../shared/limits.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actingUserOf, rateLimit } from '../../plugins/access.js';
import { uploadError } from '../../plugins/errors.js';

/**
 * Reads an uploaded message whole up to `limit` bytes, hashing every byte; past the limit the
 * rest is hashed and dropped, so an oversized message still reaches quarantine (by hash and size).
 */
async function readMessage(name: string, stream: Readable, limit: number): Promise<IntakeFile> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
    else chunks.length = 0;
  }
  return { name, data: size > limit ? Buffer.alloc(0) : Buffer.concat(chunks), size, sha256: hash.digest('hex') };
}

/** 邮件报送: `.eml` messages uploaded on the inbox page, and the quarantine (隔离区) the editor decides. */
export function mailRoutes(
  app: ApiApp,
  db: Kysely<Database>,
  config: ServerConfig,
  poller: MailboxPoller | null = null
): void {
  const tags = ['邮件报送'];
  const user = actingUserOf;
  const limits = () => ({
    maxMessageBytes: config.maxMailBytes ?? MAX_MAIL_MESSAGE_BYTES,
    maxAttachmentBytes: config.maxAttachmentBytes,
  });

  app.post(
    '/api/mail/intake',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: `导入报送邮件（multipart/form-data，字段 files，一次最多 ${MAX_MAIL_FILES_PER_UPLOAD} 个 .eml 文件）：每封成为已接收的稿件，或放入隔离区`,
        response: { 200: IntakeResult },
      },
      preHandler: rateLimit(
        db,
        config,
        'upload',
        () => config.costlyRateLimit,
        (request) => String(request.auth?.user.id)
      ),
    },
    async (request) => {
      const field = { field: 'files', label: '邮件文件' };
      if (!request.isMultipart()) throw new ServiceError('invalid', '请以 multipart/form-data 上传邮件文件', field);
      const files: IntakeFile[] = [];
      try {
        // The app's per-file limit is the attachment size; a message is read here up to its own limit.
        const parts = request.files({
          limits: { files: MAX_MAIL_FILES_PER_UPLOAD, fileSize: Number.MAX_SAFE_INTEGER },
        });
        for await (const part of parts)
          files.push(await readMessage(part.filename, part.file, limits().maxMessageBytes));
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_FILES_LIMIT')
          throw new ServiceError('invalid', `一次最多上传 ${MAX_MAIL_FILES_PER_UPLOAD} 个邮件文件`, field);
        throw uploadError(error, field);
      }
      if (files.length === 0) throw new ServiceError('invalid', '请选择要导入的 .eml 邮件文件', field);
      return intakeMailAsEditor(db, user(request), files, limits(), config.now());
    }
  );

  app.get(
    '/api/mail/quarantine',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '隔离区：未能导入的邮件及原因',
        querystring: QuarantineQuery,
        response: { 200: QuarantinePage },
      },
    },
    async (request) => {
      const { status = 'quarantined', page = 1, pageSize = 20 } = request.query;
      const { rows, total } = await listQuarantine(db, user(request), status, page, pageSize);
      return {
        rows: rows.map((row) => ({
          id: row.id,
          fileName: row.file_name,
          sender: row.sender,
          subject: row.subject,
          size: row.size,
          status: row.status,
          reason: row.reason,
          receivedAt: row.received_at,
          decidedAt: row.decided_at,
          decisionReason: row.decision_reason,
          unit: row.unit,
          version: row.version,
        })),
        total,
        page,
        pageSize,
      };
    }
  );

  app.post(
    '/api/mail/quarantine/:id/import',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '指定单位并导入隔离邮件，成为已接收的稿件',
        params: MailMessageParams,
        body: QuarantineImportBody,
        response: { 200: QuarantineImported },
      },
    },
    async (request) => importQuarantined(db, user(request), request.params.id, request.body, limits(), config.now())
  );

  app.post(
    '/api/mail/quarantine/:id/reject',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '退回隔离邮件（须填写理由）',
        params: MailMessageParams,
        body: QuarantineRejectBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      await rejectQuarantined(db, user(request), request.params.id, request.body, config.now());
      return { ok: true };
    }
  );

  app.get(
    '/api/mail/mailbox-status',
    {
      config: { access: ['editor', 'sys_admin'] },
      schema: { tags, summary: '邮箱收取状态：所收邮箱、间隔与上次收取的结果', response: { 200: MailboxStatus } },
    },
    async (request) => readMailboxStatus(db, user(request), config.mailbox)
  );

  app.post(
    '/api/mail/poll',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '立即收取邮箱中的报送邮件：每封成为已接收的稿件，或放入隔离区',
        response: { 200: IntakeResult },
      },
    },
    async (request) => pollMailboxAsEditor(db, user(request), poller, config.now())
  );
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { confirmNoticeReading } from '../../../services/notices/confirm-notice.js';
import { listNotices, presentNotice } from '../../../services/notices/list-notices.js';
import { addNoticeAttachment, readNoticeAttachment } from '../../../services/notices/notice-attachments.js';
import { createNotice, publishNotice } from '../../../services/notices/post-notice.js';
import { remindUnreadNoticeUnits } from '../../../services/notices/remind-notice.js';
import { ServiceError } from '../../../services/service-error.js';
import {
  NoticeAttachmentCreated,
  NoticeAttachmentFile,
  NoticeBody,
  NoticeChildParams,
  NoticeCreated,
  NoticeDetail,
  NoticeIdParams,
  NoticeList,
  NoticePosted,
  NoticeRead,
  NoticeReminded,
} from '../../../shared/api/notices.js';
import { ITEM_ROLES, UNIT_ROLES } from '../../../shared/roles.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actingUserOf, rateLimit } from '../../plugins/access.js';
import { uploadError } from '../../plugins/errors.js';

/** 信息工作通知: the editor posts to all units, a series or chosen units; units confirm reading. */
export function noticesRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['信息工作通知'];
  const user = actingUserOf;

  app.get(
    '/api/notices',
    {
      config: { access: ITEM_ROLES },
      schema: {
        tags,
        summary: '信息工作通知：区政府办公室看全部及阅读数，单位看发给本单位的及是否已阅',
        response: { 200: NoticeList },
      },
    },
    async (request) => listNotices(db, user(request))
  );

  app.post(
    '/api/notices',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '起草通知（全部单位、某一序列或指定单位）；添加附件后发布',
        body: NoticeBody,
        response: { 201: NoticeCreated },
      },
    },
    async (request, reply) => reply.status(201).send(await createNotice(db, user(request), request.body, config.now()))
  );

  app.get(
    '/api/notices/:id',
    {
      config: { access: ITEM_ROLES },
      schema: {
        tags,
        summary: '通知详情：区政府办公室看各单位阅读情况，单位看本单位是否已阅',
        params: NoticeIdParams,
        response: { 200: NoticeDetail },
      },
    },
    async (request) => presentNotice(db, user(request), request.params.id, config.now())
  );

  app.post(
    '/api/notices/:id/publish',
    {
      config: { access: ['editor'] },
      schema: { tags, summary: '发布通知（发布后不能修改）', params: NoticeIdParams, response: { 200: NoticePosted } },
    },
    async (request) => publishNotice(db, user(request), request.params.id, config.now())
  );

  app.post(
    '/api/notices/:id/reads',
    {
      config: { access: UNIT_ROLES },
      schema: { tags, summary: '确认已阅（代表本单位，一次）', params: NoticeIdParams, response: { 200: NoticeRead } },
    },
    async (request) => confirmNoticeReading(db, user(request), request.params.id, config.now())
  );

  app.post(
    '/api/notices/:id/reminders',
    {
      config: { access: ['editor'] },
      schema: { tags, summary: '提醒未读单位', params: NoticeIdParams, response: { 200: NoticeReminded } },
    },
    async (request) => remindUnreadNoticeUnits(db, user(request), request.params.id, config.now())
  );

  app.post(
    '/api/notices/:id/attachments',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '上传通知附件（multipart/form-data，字段 file；Word、PDF、JPG、PNG；仅限未发布的通知）',
        params: NoticeIdParams,
        response: { 201: NoticeAttachmentCreated },
      },
      preHandler: rateLimit(
        db,
        config,
        'upload',
        () => config.costlyRateLimit,
        (request) => String(request.auth?.user.id)
      ),
    },
    async (request, reply) => {
      const fileField = { field: 'file', label: '附件' };
      if (!request.isMultipart()) throw new ServiceError('invalid', '请以 multipart/form-data 上传附件', fileField);
      const file = await request
        .file({ limits: { fileSize: config.maxAttachmentBytes, files: 1 } })
        .catch((error: unknown) => {
          throw uploadError(error, fileField);
        });
      if (!file) throw new ServiceError('invalid', '请选择要上传的附件', fileField);
      const data = await file.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE')
          throw new ServiceError(
            'invalid',
            `附件不能超过 ${Math.round(config.maxAttachmentBytes / 1024 / 1024)} MB`,
            fileField
          );
        throw uploadError(error, fileField);
      });
      const created = await addNoticeAttachment(
        db,
        user(request),
        request.params.id,
        { name: file.filename, data },
        config.now()
      );
      return reply.status(201).send(created);
    }
  );

  app.get(
    '/api/notices/:id/attachments/:childId',
    {
      config: { access: ITEM_ROLES },
      schema: {
        tags,
        summary: '下载通知附件（通知发往的单位和区政府办公室）',
        params: NoticeChildParams,
        response: { 200: NoticeAttachmentFile },
      },
    },
    async (request, reply) => {
      const { id, childId } = request.params;
      const attachment = await readNoticeAttachment(db, user(request), id, childId, config.now());
      return reply
        .header('content-type', attachment.media_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`)
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('x-frame-options', 'DENY')
        .send(Buffer.from(attachment.content));
    }
  );
}

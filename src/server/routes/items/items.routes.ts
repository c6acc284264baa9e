import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { ITEM_ACTIONS } from '../../../domain/item-workflow.js';
import {
  addAttachment,
  previewAttachment,
  readAttachment,
  removeAttachment,
} from '../../../services/items/attachments.js';
import { createItem, recordPaperCopy, updateDraft } from '../../../services/items/draft-item.js';
import {
  adoptItem,
  correctItemAdoption,
  recordInstruction,
  recordUpward,
  undoItemAdoption,
} from '../../../services/items/editorial-records.js';
import { acceptItem, adoptItemsIntoIssue } from '../../../services/items/accept-item.js';
import { listItemPage, presentItem } from '../../../services/items/present-item.js';
import { findSimilarForItems, findSimilarItems } from '../../../services/items/similar-items.js';
import { transitionItem } from '../../../services/items/transition-item.js';
import { ServiceError } from '../../../services/service-error.js';
import { ItemDetail } from '../../../shared/api/item-detail.js';
import {
  AcceptBody,
  AcceptResponse,
  AdoptionBody,
  AdoptionCorrectionBody,
  AdoptionCreated,
  AttachmentCreated,
  AttachmentFile,
  AttachmentPreview,
  AttachmentQuery,
  BulkAdoptionBody,
  BulkAdoptionResponse,
  Done,
  InstructionBody,
  ItemChildParams,
  ItemCreated,
  ItemDraftBody,
  ItemIdParams,
  ItemListQuery,
  ItemListResponse,
  ItemUpdateBody,
  ItemUpdated,
  PaperCopyBody,
  RecordCreated,
  SimilarItemsBatchResponse,
  SimilarItemsQuery,
  SimilarItemsResponse,
  TransitionBody,
  TransitionResponse,
  UpwardBody,
} from '../../../shared/api/items.js';
import { ATTACHMENT_TYPES, ITEM_STATUSES } from '../../../shared/item-fields.js';

/** Attachments a page may show in place: PDF and raster pictures (never HTML or SVG, which could run script). */
const INLINE_TYPES = new Set<string>([ATTACHMENT_TYPES.pdf, ATTACHMENT_TYPES.jpg, ATTACHMENT_TYPES.png]);
import { ITEM_ROLES } from '../../../shared/roles.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actingUserOf, rateLimit } from '../../plugins/access.js';
import { uploadError } from '../../plugins/errors.js';
import { MAX_RECORD_ID } from '../../../shared/limits.js';

/** 信息稿件: drafting, review and signature in the unit; receipt, adoption and instructions at the district. */
export function itemsRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['信息稿件'];
  const user = actingUserOf;

  app.get(
    '/api/items',
    {
      config: { access: ITEM_ROLES },
      schema: {
        tags,
        summary: '稿件列表（本单位的，或已报送区政府办公室的）',
        querystring: ItemListQuery,
        response: { 200: ItemListResponse },
      },
    },
    async (request) => listItemPage(db, user(request), request.query)
  );

  // Registered before /api/items/:id; Fastify prefers the static segment anyway.
  app.get(
    '/api/items/similar',
    {
      config: { access: ['editor', 'office_leader'] },
      schema: {
        tags,
        summary: '疑似重复稿件：一页稿件（ids=1,2,3）各自标题相似的已报送稿件',
        querystring: SimilarItemsQuery,
        response: { 200: SimilarItemsBatchResponse },
      },
    },
    async (request) => {
      // An id past the id columns' range names no item; PostgreSQL would refuse the query for it.
      const ids = request.query.ids
        .split(',')
        .map(Number)
        .filter((id) => id <= MAX_RECORD_ID);
      return { items: await findSimilarForItems(db, user(request), ids) };
    }
  );

  app.get(
    '/api/items/:id/similar',
    {
      config: { access: ['editor', 'office_leader'] },
      schema: {
        tags,
        summary: '疑似重复稿件：提交日期前后30天内标题相似的已报送稿件',
        params: ItemIdParams,
        response: { 200: SimilarItemsResponse },
      },
    },
    async (request) => findSimilarItems(db, user(request), request.params.id, config.now())
  );

  app.post(
    '/api/items',
    {
      config: { access: ['officer'] },
      schema: { tags, summary: '起草稿件', body: ItemDraftBody, response: { 201: ItemCreated } },
    },
    async (request, reply) => {
      const { solicitationId, ...draft } = request.body;
      const result = await createItem(db, user(request), draft, config.now(), solicitationId);
      return reply.status(201).send(result);
    }
  );

  app.get(
    '/api/items/:id',
    {
      config: { access: ITEM_ROLES },
      schema: {
        tags,
        summary: '稿件详情：要素、处理记录、附件、采用与批示、得分',
        params: ItemIdParams,
        response: { 200: ItemDetail },
      },
    },
    async (request) => presentItem(db, user(request), request.params.id, config.now())
  );

  app.put(
    '/api/items/:id',
    {
      config: { access: ['officer'] },
      schema: {
        tags,
        summary: '修改草稿或退回的稿件',
        params: ItemIdParams,
        body: ItemUpdateBody,
        response: { 200: ItemUpdated },
      },
    },
    async (request) => {
      const { version, ...draft } = request.body;
      return updateDraft(db, user(request), request.params.id, version, draft, config.now());
    }
  );

  app.post(
    '/api/items/:id/transitions',
    {
      config: { access: ITEM_ROLES },
      schema: {
        tags,
        summary: `流转：${Object.entries(ITEM_ACTIONS)
          .map(([k, v]) => `${k} ${v.label}`)
          .join('，')}`,
        params: ItemIdParams,
        body: TransitionBody,
        response: { 200: TransitionResponse },
      },
    },
    async (request) => {
      const { body } = request;
      const status = await transitionItem(
        db,
        user(request),
        request.params.id,
        body.version,
        body.action,
        body.comment,
        config.now()
      );
      return { status, statusName: ITEM_STATUSES[status] };
    }
  );

  app.post(
    '/api/items/:id/paper-copy',
    {
      config: { access: ['officer', 'principal'] },
      schema: {
        tags,
        summary: '登记重大或敏感信息的书面稿件',
        params: ItemIdParams,
        body: PaperCopyBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      const { body } = request;
      await recordPaperCopy(db, user(request), request.params.id, body.version, body.date, config.now());
      return { ok: true };
    }
  );

  app.post(
    '/api/items/:id/attachments',
    {
      config: { access: ['officer'] },
      schema: {
        tags,
        summary: '上传附件（multipart/form-data，字段 file；Word、PDF、JPG、PNG）',
        params: ItemIdParams,
        response: { 201: AttachmentCreated },
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
      if (!request.isMultipart())
        throw new ServiceError('invalid', '请以 multipart/form-data 上传附件', { field: 'file', label: '附件' });
      const fileField = { field: 'file', label: '附件' };
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
      const result = await addAttachment(
        db,
        user(request),
        request.params.id,
        { name: file.filename, data },
        config.now()
      );
      return reply.status(201).send(result);
    }
  );

  app.get(
    '/api/items/:id/attachments/:childId',
    {
      config: { access: ITEM_ROLES },
      schema: {
        tags,
        summary: '下载附件（PDF 和图片可在页面中打开：disposition=inline）',
        params: ItemChildParams,
        querystring: AttachmentQuery,
        response: { 200: AttachmentFile },
      },
    },
    async (request, reply) => {
      const { id, childId } = request.params;
      const attachment = await readAttachment(db, user(request), id, childId, config.now());
      const inline = request.query.disposition === 'inline' && INLINE_TYPES.has(attachment.media_type);
      return (
        reply
          .header('content-type', attachment.media_type)
          .header(
            'content-disposition',
            `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`
          )
          // A PDF shown in the item page's frame needs the browser's viewer, which a sandbox blocks; it
          // may be framed by our own pages only. Everything else stays sandboxed and unframeable.
          .header(
            'content-security-policy',
            inline && attachment.media_type === ATTACHMENT_TYPES.pdf
              ? "frame-ancestors 'self'"
              : "sandbox; default-src 'none'"
          )
          .header('x-frame-options', 'SAMEORIGIN')
          .send(Buffer.from(attachment.content))
      );
    }
  );

  app.get(
    '/api/items/:id/attachments/:childId/preview',
    {
      config: { access: ITEM_ROLES },
      schema: {
        tags,
        summary: '预览 Word 附件（.docx 转为净化后的 HTML）',
        params: ItemChildParams,
        response: { 200: AttachmentPreview },
      },
    },
    async (request) => {
      const { id, childId } = request.params;
      return previewAttachment(db, user(request), id, childId, config.now());
    }
  );

  app.delete(
    '/api/items/:id/attachments/:childId',
    {
      config: { access: ['officer'] },
      schema: { tags, summary: '删除附件', params: ItemChildParams, response: { 200: Done } },
    },
    async (request) => {
      const { id, childId } = request.params;
      await removeAttachment(db, user(request), id, childId, config.now());
      return { ok: true };
    }
  );

  app.post(
    '/api/items/:id/adoptions',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '登记采用（载体、信息类型、日期、期号）',
        params: ItemIdParams,
        body: AdoptionBody,
        response: { 201: AdoptionCreated },
      },
    },
    async (request, reply) => {
      const created = await adoptItem(db, user(request), request.params.id, request.body, config.now());
      return reply.status(201).send(created);
    }
  );

  app.post(
    '/api/items/:id/accept',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '接收并采用：接收稿件（如尚未接收）并登记采用，一步完成',
        params: ItemIdParams,
        body: AcceptBody,
        response: { 200: AcceptResponse },
      },
    },
    async (request) => {
      const { body } = request;
      return acceptItem(db, user(request), request.params.id, body.version, body.adoptions, config.now());
    }
  );

  app.post(
    '/api/items/bulk-adoptions',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '批量采用：所选稿件采用到同一载体的同一期（未接收的一并接收），全部成功或全部不变',
        body: BulkAdoptionBody,
        response: { 200: BulkAdoptionResponse },
      },
    },
    async (request) => {
      const { items, ...adoption } = request.body;
      return adoptItemsIntoIssue(db, user(request), items, adoption, config.now());
    }
  );

  app.put(
    '/api/items/:id/adoptions/:childId',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '更正采用（载体、信息类型、日期、期号）',
        params: ItemChildParams,
        body: AdoptionCorrectionBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      const { id, childId } = request.params;
      const { version, ...correction } = request.body;
      await correctItemAdoption(db, user(request), id, childId, version, correction, config.now());
      return { ok: true };
    }
  );

  app.delete(
    '/api/items/:id/adoptions/:childId',
    {
      config: { access: ['editor'] },
      schema: { tags, summary: '撤销采用（扣回其得分）', params: ItemChildParams, response: { 200: Done } },
    },
    async (request) => {
      const { id, childId } = request.params;
      await undoItemAdoption(db, user(request), id, childId, config.now());
      return { ok: true };
    }
  );

  app.post(
    '/api/items/:id/instructions',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '登记领导批示（区、市、省）',
        params: ItemIdParams,
        body: InstructionBody,
        response: { 201: RecordCreated },
      },
    },
    async (request, reply) => {
      const created = await recordInstruction(db, user(request), request.params.id, request.body, config.now());
      return reply.status(201).send(created);
    }
  );

  app.post(
    '/api/items/:id/upwards',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '登记市、省政府办公厅采用',
        params: ItemIdParams,
        body: UpwardBody,
        response: { 201: RecordCreated },
      },
    },
    async (request, reply) => {
      const created = await recordUpward(db, user(request), request.params.id, request.body, config.now());
      return reply.status(201).send(created);
    }
  );
}

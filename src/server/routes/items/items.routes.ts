import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { itemRecords, listAttachments, listItemEvents, listItems } from '../../../db/repositories/item.repository.js';
import type { ItemRow } from '../../../db/tables/item.table.js';
import { recordTypeOfRule } from '../../../domain/bookings.js';
import { ITEM_ACTIONS } from '../../../domain/item-workflow.js';
import { isDistrictRole } from '../../../domain/permissions.js';
import { addAttachment, readAttachment, removeAttachment } from '../../../services/items/attachments.js';
import { createItem, recordPaperCopy, updateDraft } from '../../../services/items/draft-item.js';
import { adoptItem, correctItemAdoption, recordInstruction, recordUpward, undoItemAdoption } from '../../../services/items/editorial-records.js';
import { acceptItem, adoptItemsIntoIssue } from '../../../services/items/accept-item.js';
import { actingUser, loadVisibleItem, type ActingUser } from '../../../services/items/item-access.js';
import { findSimilarForItems, findSimilarItems } from '../../../services/items/similar-items.js';
import { transitionItem } from '../../../services/items/transition-item.js';
import { ServiceError } from '../../../services/service-error.js';
import { ItemDetail } from '../../../shared/api/item-detail.js';
import { ITEM_STATUSES, type ItemStatus } from '../../../shared/item-fields.js';
import type { Role } from '../../../shared/roles.js';
import type { ServerConfig } from '../../config.js';
import { authOf, rateLimit } from '../../plugins/access.js';
import {
  AcceptBody, AdoptionBody, AdoptionCorrectionBody, BulkAdoptionBody, InstructionBody, ItemChildParams, ItemDraftBody, ItemIdParams, ItemListQuery, ItemListResponse, ItemUpdateBody,
  PaperCopyBody, SimilarItemsBatchResponse, SimilarItemsQuery, SimilarItemsResponse, TransitionBody, UpwardBody, type ItemListQuery as ItemListQueryType,
} from './items.schema.js';

/** Roles that work with items: the unit's people and the district office. */
export const ITEM_ROLES: readonly Role[] = ['officer', 'reviewer', 'principal', 'editor', 'office_leader'];

/** 信息稿件: drafting, review and signature in the unit; receipt, adoption and instructions at the district. */
export function itemsRoutes(app: FastifyInstance, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['信息稿件'];
  const user = (request: FastifyRequest): ActingUser => actingUser(authOf(request).user, request.ip);

  app.get('/api/items', { config: { access: ITEM_ROLES }, schema: { tags, summary: '稿件列表（本单位的，或已报送区政府办公室的）', querystring: ItemListQuery, response: { 200: ItemListResponse } } }, async (request) => {
    const acting = user(request);
    const query = request.query as ItemListQueryType;
    const scope = isDistrictRole(acting.role) ? { district: true as const } : { unitId: acting.unitId! };
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { rows, total } = await listItems(db, scope, query, page, pageSize);
    return {
      page, pageSize, total,
      items: rows.map((row) => ({
        id: row.id, ref: row.ref, title: row.title, status: row.status, statusName: ITEM_STATUSES[row.status as ItemStatus] ?? row.status,
        submitted: row.submitted, category: row.category, isPublic: Boolean(row.is_public), isMajor: Boolean(row.is_major),
        unit: { id: row.unit_id, name: row.unit, series: row.series }, version: row.version, points: row.points,
      })),
    };
  });

  // Registered before /api/items/:id; Fastify prefers the static segment anyway.
  app.get('/api/items/similar', { config: { access: ['editor', 'office_leader'] }, schema: { tags, summary: '疑似重复稿件：一页稿件（ids=1,2,3）各自标题相似的已报送稿件', querystring: SimilarItemsQuery, response: { 200: SimilarItemsBatchResponse } } }, async (request) => {
    const ids = (request.query as SimilarItemsQuery).ids.split(',').map(Number);
    return { items: await findSimilarForItems(db, user(request), ids) };
  });

  app.get('/api/items/:id/similar', { config: { access: ['editor', 'office_leader'] }, schema: { tags, summary: '疑似重复稿件：提交日期前后30天内标题相似的已报送稿件', params: ItemIdParams, response: { 200: SimilarItemsResponse } } }, async (request) =>
    findSimilarItems(db, user(request), (request.params as ItemIdParams).id, config.now()));

  app.post('/api/items', { config: { access: ['officer'] }, schema: { tags, summary: '起草稿件', body: ItemDraftBody } }, async (request, reply) => {
    const { solicitationId, ...draft } = request.body as ItemDraftBody;
    const result = await createItem(db, user(request), draft, config.now(), solicitationId);
    return reply.status(201).send(result);
  });

  app.get('/api/items/:id', { config: { access: ITEM_ROLES }, schema: { tags, summary: '稿件详情：要素、处理记录、附件、采用与批示、得分', params: ItemIdParams, response: { 200: ItemDetail } } }, async (request) => {
    const item = await loadVisibleItem(db, user(request), (request.params as ItemIdParams).id, config.now());
    return presentItem(db, item);
  });

  app.put('/api/items/:id', { config: { access: ['officer'] }, schema: { tags, summary: '修改草稿或退回的稿件', params: ItemIdParams, body: ItemUpdateBody } }, async (request) => {
    const { version, ...draft } = request.body as ItemUpdateBody;
    return updateDraft(db, user(request), (request.params as ItemIdParams).id, version, draft, config.now());
  });

  app.post('/api/items/:id/transitions', { config: { access: ITEM_ROLES }, schema: { tags, summary: `流转：${Object.entries(ITEM_ACTIONS).map(([k, v]) => `${k} ${v.label}`).join('，')}`, params: ItemIdParams, body: TransitionBody } }, async (request) => {
    const body = request.body as TransitionBody;
    const status = await transitionItem(db, user(request), (request.params as ItemIdParams).id, body.version, body.action, body.comment, config.now());
    return { status, statusName: ITEM_STATUSES[status] };
  });

  app.post('/api/items/:id/paper-copy', { config: { access: ['officer', 'principal'] }, schema: { tags, summary: '登记重大或敏感信息的书面稿件', params: ItemIdParams, body: PaperCopyBody } }, async (request) => {
    const body = request.body as PaperCopyBody;
    await recordPaperCopy(db, user(request), (request.params as ItemIdParams).id, body.version, body.date, config.now());
    return { ok: true };
  });

  app.post('/api/items/:id/attachments', {
    config: { access: ['officer'] },
    schema: { tags, summary: '上传附件（multipart/form-data，字段 file；Word、PDF、JPG、PNG）', params: ItemIdParams },
    preHandler: rateLimit(db, config, 'upload', () => config.costlyRateLimit, (request) => String(request.auth?.user.id)),
  }, async (request, reply) => {
    if (!request.isMultipart()) throw new ServiceError('invalid', '请以 multipart/form-data 上传附件', { field: 'file', label: '附件' });
    const file = await request.file({ limits: { fileSize: config.maxAttachmentBytes, files: 1 } });
    if (!file) throw new ServiceError('invalid', '请选择要上传的附件', { field: 'file', label: '附件' });
    const data = await file.toBuffer().catch((error: { code?: string }) => {
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new ServiceError('invalid', `附件不能超过 ${Math.round(config.maxAttachmentBytes / 1024 / 1024)} MB`, { field: 'file', label: '附件' });
      throw error;
    });
    const result = await addAttachment(db, user(request), (request.params as ItemIdParams).id, { name: file.filename, data }, config.now());
    return reply.status(201).send(result);
  });

  app.get('/api/items/:id/attachments/:childId', { config: { access: ITEM_ROLES }, schema: { tags, summary: '下载附件', params: ItemChildParams } }, async (request, reply) => {
    const { id, childId } = request.params as ItemChildParams;
    const attachment = await readAttachment(db, user(request), id, childId, config.now());
    return reply
      .header('content-type', attachment.media_type)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`)
      .header('content-security-policy', "sandbox; default-src 'none'")
      .send(Buffer.from(attachment.content));
  });

  app.delete('/api/items/:id/attachments/:childId', { config: { access: ['officer'] }, schema: { tags, summary: '删除附件', params: ItemChildParams } }, async (request) => {
    const { id, childId } = request.params as ItemChildParams;
    await removeAttachment(db, user(request), id, childId, config.now());
    return { ok: true };
  });

  app.post('/api/items/:id/adoptions', { config: { access: ['editor'] }, schema: { tags, summary: '登记采用（载体、信息类型、日期、期号）', params: ItemIdParams, body: AdoptionBody } }, async (request, reply) => {
    const created = await adoptItem(db, user(request), (request.params as ItemIdParams).id, request.body as AdoptionBody, config.now());
    return reply.status(201).send(created);
  });

  app.post('/api/items/:id/accept', { config: { access: ['editor'] }, schema: { tags, summary: '接收并采用：接收稿件（如尚未接收）并登记采用，一步完成', params: ItemIdParams, body: AcceptBody } }, async (request) => {
    const body = request.body as AcceptBody;
    return acceptItem(db, user(request), (request.params as ItemIdParams).id, body.version, body.adoptions, config.now());
  });

  app.post('/api/items/bulk-adoptions', { config: { access: ['editor'] }, schema: { tags, summary: '批量采用：所选稿件采用到同一载体的同一期（未接收的一并接收），全部成功或全部不变', body: BulkAdoptionBody } }, async (request) => {
    const { items, ...adoption } = request.body as BulkAdoptionBody;
    return adoptItemsIntoIssue(db, user(request), items, adoption, config.now());
  });

  app.put('/api/items/:id/adoptions/:childId', { config: { access: ['editor'] }, schema: { tags, summary: '更正采用（载体、信息类型、日期、期号）', params: ItemChildParams, body: AdoptionCorrectionBody } }, async (request) => {
    const { id, childId } = request.params as ItemChildParams;
    const { version, ...correction } = request.body as AdoptionCorrectionBody;
    await correctItemAdoption(db, user(request), id, childId, version, correction, config.now());
    return { ok: true };
  });

  app.delete('/api/items/:id/adoptions/:childId', { config: { access: ['editor'] }, schema: { tags, summary: '撤销采用（扣回其得分）', params: ItemChildParams } }, async (request) => {
    const { id, childId } = request.params as ItemChildParams;
    await undoItemAdoption(db, user(request), id, childId, config.now());
    return { ok: true };
  });

  app.post('/api/items/:id/instructions', { config: { access: ['editor'] }, schema: { tags, summary: '登记领导批示（区、市、省）', params: ItemIdParams, body: InstructionBody } }, async (request, reply) => {
    const created = await recordInstruction(db, user(request), (request.params as ItemIdParams).id, request.body as InstructionBody, config.now());
    return reply.status(201).send(created);
  });

  app.post('/api/items/:id/upwards', { config: { access: ['editor'] }, schema: { tags, summary: '登记市、省政府办公厅采用', params: ItemIdParams, body: UpwardBody } }, async (request, reply) => {
    const created = await recordUpward(db, user(request), (request.params as ItemIdParams).id, request.body as UpwardBody, config.now());
    return reply.status(201).send(created);
  });
}

/** An item with everything its page shows. */
async function presentItem(db: Kysely<Database>, item: ItemRow) {
  const [unit, events, attachments, records, bookings] = await Promise.all([
    db.selectFrom('units').select(['id', 'name', 'series_code as series']).where('id', '=', item.unit_id).executeTakeFirstOrThrow(),
    listItemEvents(db, item.id),
    listAttachments(db, item.id),
    itemRecords(db, item.id),
    db.selectFrom('bookings').select(['date', 'points', 'rule', 'record_ref']).where('source_type', '=', 'item').where('source_id', '=', item.id).orderBy('date').execute(),
  ]);
  return {
    id: item.id, ref: item.ref, version: item.version, status: item.status, statusName: ITEM_STATUSES[item.status as ItemStatus] ?? item.status,
    title: item.title, body: item.body, category: item.category, reporter: item.reporter, signer: item.signer, phone: item.phone,
    isPublic: Boolean(item.is_public), source: item.source, isMajor: Boolean(item.is_major), paperCopyOn: item.paper_copy_on,
    submitted: item.submitted, sentAt: item.sent_at, origin: item.origin, returnReason: item.return_reason, rejectionReason: item.rejection_reason,
    unit,
    history: events.map((e) => ({ at: e.at, actor: e.actor, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, comment: e.comment })),
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, mediaType: a.media_type, size: a.size, sha256: a.sha256, createdAt: a.created_at })),
    ...records,
    bookings: bookings.map((b) => ({ date: b.date, points: b.points, rule: b.rule, record: { type: recordTypeOfRule(b.rule), id: b.record_ref } })),
    points: bookings.reduce((sum, b) => sum + b.points, 0),
  };
}

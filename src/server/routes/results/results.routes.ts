import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { approveResults } from '../../../services/results/approve-results.js';
import { listResults } from '../../../services/results/list-results.js';
import { prepareResults } from '../../../services/results/prepare-results.js';
import { returnResults } from '../../../services/results/return-results.js';
import { bulletinOfPublication } from '../../../services/results/bulletin-of-publication.js';
import { renderBulletin } from '../../../services/results/bulletin-files.js';
import { saveBulletinTexts } from '../../../services/results/save-bulletin-texts.js';
import { bulletinFileName } from '../../../domain/bulletin.js';
import { DocumentFile, DocumentFormatQuery } from '../../../shared/api/documents.js';
import {
  ApproveBody,
  BulletinTextsBody,
  BulletinTextsSaved,
  PreparedPublication,
  PublicationBody,
  PublicationParams,
  Publications,
  ResultsOk,
  ReturnBody,
} from '../../../shared/api/results.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actingUserOf, rateLimit } from '../../plugins/access.js';
import { sendDocument } from '../send-document.js';
import { ITEM_ROLES } from '../../../shared/roles.js';

/** 《番府信息》(工作通讯): the editor prepares a quarter's results, an office leader approves and so publishes them. */
export function resultsRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['考核'];
  const user = actingUserOf;
  app.get(
    '/api/results',
    {
      config: { access: ITEM_ROLES },
      schema: { tags, summary: '季度考核结果（已发布的；区政府办公室另见待审批的）', response: { 200: Publications } },
    },
    async (request) => listResults(db, user(request))
  );
  app.post(
    '/api/results',
    {
      config: { access: ['editor'] },
      schema: { tags, summary: '编制季度考核结果', body: PublicationBody, response: { 201: PreparedPublication } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await prepareResults(db, user(request), request.body.year, request.body.quarter, config.now()))
  );
  app.post(
    '/api/results/:id/approve',
    {
      config: { access: ['office_leader'] },
      schema: {
        tags,
        summary: '审批并发布考核结果',
        params: PublicationParams,
        body: ApproveBody,
        response: { 200: ResultsOk },
      },
    },
    async (request) => {
      await approveResults(db, user(request), request.params.id, request.body.version, config.now());
      return { ok: true as const };
    }
  );
  app.post(
    '/api/results/:id/return',
    {
      config: { access: ['office_leader'] },
      schema: {
        tags,
        summary: '退回考核结果给调研科（须填写意见）',
        params: PublicationParams,
        body: ReturnBody,
        response: { 200: ResultsOk },
      },
    },
    async (request) => {
      await returnResults(
        db,
        user(request),
        request.params.id,
        request.body.version,
        request.body.comment,
        config.now()
      );
      return { ok: true as const };
    }
  );
  // Laying out a document (and converting it to PDF, ~2.5 s) is costly: a few a minute per account.
  const costly = rateLimit(
    db,
    config,
    'bulletin-document',
    () => Math.min(20, config.costlyRateLimit),
    (request) => String(request.auth?.user.id)
  );
  app.get(
    '/api/results/:id/document',
    {
      config: { access: ITEM_ROLES },
      schema: {
        tags,
        summary: '下载工作通讯（已发布的为发布原件；待审批的为调研科和办公室领导的预览）',
        params: PublicationParams,
        querystring: DocumentFormatQuery,
        response: { 200: DocumentFile },
      },
      preHandler: costly,
    },
    async (request, reply) => {
      const format = request.query.format ?? 'docx';
      const bulletin = await bulletinOfPublication(db, user(request), request.params.id, config.now());
      const bytes = await renderBulletin(bulletin, format);
      return sendDocument(reply, format, bulletinFileName(bulletin.year, bulletin.quarter), bytes);
    }
  );
  app.put(
    '/api/results/:id/texts',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '编辑工作通讯表前、表后文字（发布前）',
        params: PublicationParams,
        body: BulletinTextsBody,
        response: { 200: BulletinTextsSaved },
      },
    },
    async (request) => saveBulletinTexts(db, user(request), request.params.id, request.body, config.now())
  );
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { approveSummary } from '../../../services/summaries/approve-summary.js';
import { readSummary } from '../../../services/summaries/read-summary.js';
import { returnSummary } from '../../../services/summaries/return-summary.js';
import { saveSummary } from '../../../services/summaries/save-summary.js';
import { submitSummary } from '../../../services/summaries/submit-summary.js';
import { summaryFileForUser } from '../../../services/summaries/summary-file.js';
import { DocumentFile } from '../../../shared/api/documents.js';
import {
  SavedSummary,
  SummaryDocumentQuery,
  SummaryDraftBody,
  SummaryOk,
  SummaryParams,
  SummaryQuery,
  SummaryReturnBody,
  SummaryVersionBody,
  SummaryView,
} from '../../../shared/api/summaries.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actingUserOf, rateLimit } from '../../plugins/access.js';
import { sendDocument } from '../send-document.js';

const DISTRICT = ['editor', 'office_leader'] as const;
const half = (value: number | undefined) => (value === 1 ? 1 : null);

/** 半年小结 and 年度总结: the editor drafts the analysis, an office leader approves or returns it; Word, PDF and Excel downloads. */
export function summariesRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['工作总结'];
  const user = actingUserOf;
  // Rendering charts and running LibreOffice costs seconds: a few a minute per account.
  const costly = rateLimit(
    db,
    config,
    'summary-document',
    () => Math.min(10, config.costlyRateLimit),
    (request) => String(request.auth?.user.id)
  );

  app.get(
    '/api/summaries',
    {
      config: { access: DISTRICT },
      schema: {
        tags,
        summary: '半年小结或年度总结：数据、图表、分析段落和审批状态',
        querystring: SummaryQuery,
        response: { 200: SummaryView },
      },
    },
    async (request) => readSummary(db, user(request), request.query.year, half(request.query.half))
  );

  app.put(
    '/api/summaries',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '保存工作总结的分析段落（草稿）',
        body: SummaryDraftBody,
        response: { 200: SavedSummary },
      },
    },
    async (request) =>
      saveSummary(
        db,
        user(request),
        {
          year: request.body.year,
          half: half(request.body.half),
          version: request.body.version,
          paragraphs: request.body.paragraphs,
        },
        config.now()
      )
  );

  app.post(
    '/api/summaries/:id/submit',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '提交工作总结审批（数据随之固定）',
        params: SummaryParams,
        body: SummaryVersionBody,
        response: { 200: SummaryOk },
      },
    },
    async (request) => {
      await submitSummary(db, user(request), request.params.id, request.body.version, config.now());
      return { ok: true as const };
    }
  );

  app.post(
    '/api/summaries/:id/approve',
    {
      config: { access: ['office_leader'] },
      schema: {
        tags,
        summary: '审批通过工作总结',
        params: SummaryParams,
        body: SummaryVersionBody,
        response: { 200: SummaryOk },
      },
    },
    async (request) => {
      await approveSummary(db, user(request), request.params.id, request.body.version, config.now());
      return { ok: true as const };
    }
  );

  app.post(
    '/api/summaries/:id/return',
    {
      config: { access: ['office_leader'] },
      schema: {
        tags,
        summary: '退回工作总结给调研科（须填写意见）',
        params: SummaryParams,
        body: SummaryReturnBody,
        response: { 200: SummaryOk },
      },
    },
    async (request) => {
      await returnSummary(
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

  app.get(
    '/api/summaries/document',
    {
      config: { access: DISTRICT },
      schema: {
        tags,
        summary: '下载工作总结（Word、PDF 或 Excel；已审批的为审批通过的版本）',
        querystring: SummaryDocumentQuery,
        response: { 200: DocumentFile },
      },
      preHandler: costly,
    },
    async (request, reply) => {
      const { year, format = 'docx' } = request.query;
      const file = await summaryFileForUser(db, user(request), year, half(request.query.half), format, config.now());
      return sendDocument(reply, format, file.name, file.bytes);
    }
  );
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { createPeriodical, updatePeriodicalSettings } from '../../../services/periodicals/configure-periodical.js';
import { approveIssue, returnIssue, submitIssue } from '../../../services/periodicals/issue-workflow.js';
import { renderIssue } from '../../../services/periodicals/issue-document.js';
import { publishIssue, withdrawIssue } from '../../../services/periodicals/publish-issue.js';
import {
  listCandidates,
  listIssuesFor,
  listPeriodicalsFor,
  nextNumberFor,
  readIssue,
} from '../../../services/periodicals/read-periodicals.js';
import { createIssue, updateIssueContent } from '../../../services/periodicals/save-issue.js';
import { DocumentFile } from '../../../shared/api/documents.js';
import {
  CandidateItems,
  CandidateQuery,
  CreatedIssue,
  CreatedPeriodical,
  IssueBody,
  IssueCommentBody,
  IssueDetail,
  IssueDocumentQuery,
  IssueListQuery,
  IssueOk,
  IssueParams,
  IssueSummaries,
  IssueVersionBody,
  NewIssueBody,
  NextNumber,
  NextNumberQuery,
  PeriodicalBody,
  PeriodicalOk,
  PeriodicalParams,
  Periodicals,
  PeriodicalUpdateBody,
  PublishResult,
} from '../../../shared/api/periodicals.js';
import type { Role } from '../../../shared/roles.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actingUserOf, rateLimit } from '../../plugins/access.js';
import { sendDocument } from '../send-document.js';

const DISTRICT: Role[] = ['editor', 'office_leader'];

/** 刊物: the editor sets up the periodicals (刊物设置); 调研科 assembles an issue, an office leader approves or returns it, the editor publishes (recording the adoptions) or withdraws it. */
export function periodicalsRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['刊物'];
  const user = actingUserOf;
  const ok = { ok: true as const };
  // A PDF takes LibreOffice a few seconds: a few per account at a time.
  const costly = rateLimit(
    db,
    config,
    'periodical-document',
    () => Math.min(10, config.costlyRateLimit),
    (request) => String(request.auth?.user.id)
  );

  app.get(
    '/api/periodicals',
    { config: { access: DISTRICT }, schema: { tags, summary: '刊物', response: { 200: Periodicals } } },
    async (request) => listPeriodicalsFor(db, user(request), config.now())
  );
  app.post(
    '/api/periodicals',
    {
      config: { access: ['editor'] },
      schema: { tags, summary: '新增刊物', body: PeriodicalBody, response: { 201: CreatedPeriodical } },
    },
    async (request, reply) =>
      reply.status(201).send(await createPeriodical(db, user(request), request.body, config.now()))
  );
  app.put(
    '/api/periodicals/:id',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '修改刊物设置（名称、副标题、记入采用载体、编印单位）',
        params: PeriodicalParams,
        body: PeriodicalUpdateBody,
        response: { 200: PeriodicalOk },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      await updatePeriodicalSettings(db, user(request), request.params.id, version, input, config.now());
      return ok;
    }
  );
  app.get(
    '/api/periodicals/:id/next-number',
    {
      config: { access: DISTRICT },
      schema: {
        tags,
        summary: '该年度下一期的期号',
        params: PeriodicalParams,
        querystring: NextNumberQuery,
        response: { 200: NextNumber },
      },
    },
    async (request) => nextNumberFor(db, user(request), request.params.id, request.query.year)
  );
  app.get(
    '/api/periodicals/candidates',
    {
      config: { access: DISTRICT },
      schema: {
        tags,
        summary: '可编入刊物的稿件（已接收或已采用）',
        querystring: CandidateQuery,
        response: { 200: CandidateItems },
      },
    },
    async (request) => listCandidates(db, user(request), request.query.q)
  );
  app.get(
    '/api/periodicals/issues',
    {
      config: { access: DISTRICT },
      schema: { tags, summary: '刊物各期', querystring: IssueListQuery, response: { 200: IssueSummaries } },
    },
    async (request) => listIssuesFor(db, user(request), request.query.periodicalId)
  );
  app.post(
    '/api/periodicals/issues',
    {
      config: { access: ['editor'] },
      schema: { tags, summary: '新建一期', body: NewIssueBody, response: { 201: CreatedIssue } },
    },
    async (request, reply) => {
      const { periodicalId, ...input } = request.body;
      return reply.status(201).send(await createIssue(db, user(request), periodicalId, input, config.now()));
    }
  );
  app.get(
    '/api/periodicals/issues/:id',
    {
      config: { access: DISTRICT },
      schema: { tags, summary: '一期的内容与审批记录', params: IssueParams, response: { 200: IssueDetail } },
    },
    async (request) => readIssue(db, user(request), request.params.id)
  );
  app.put(
    '/api/periodicals/issues/:id',
    {
      config: { access: ['editor'] },
      schema: { tags, summary: '修改一期', params: IssueParams, body: IssueBody, response: { 200: IssueOk } },
    },
    async (request) => {
      const { version, ...input } = request.body;
      await updateIssueContent(db, user(request), request.params.id, version, input, config.now());
      return ok;
    }
  );
  app.post(
    '/api/periodicals/issues/:id/submit',
    {
      config: { access: ['editor'] },
      schema: { tags, summary: '送领导审批', params: IssueParams, body: IssueVersionBody, response: { 200: IssueOk } },
    },
    async (request) => {
      await submitIssue(db, user(request), request.params.id, request.body.version, config.now());
      return ok;
    }
  );
  app.post(
    '/api/periodicals/issues/:id/approve',
    {
      config: { access: ['office_leader'] },
      schema: { tags, summary: '审批通过', params: IssueParams, body: IssueVersionBody, response: { 200: IssueOk } },
    },
    async (request) => {
      await approveIssue(db, user(request), request.params.id, request.body.version, config.now());
      return ok;
    }
  );
  app.post(
    '/api/periodicals/issues/:id/return',
    {
      config: { access: ['office_leader'] },
      schema: {
        tags,
        summary: '退回修改（须填写意见）',
        params: IssueParams,
        body: IssueCommentBody,
        response: { 200: IssueOk },
      },
    },
    async (request) => {
      const { version, comment } = request.body;
      await returnIssue(db, user(request), request.params.id, version, comment, config.now());
      return ok;
    }
  );
  app.post(
    '/api/periodicals/issues/:id/publish',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '发布，并登记每篇稿件的采用',
        params: IssueParams,
        body: IssueVersionBody,
        response: { 200: PublishResult },
      },
    },
    async (request) => publishIssue(db, user(request), request.params.id, request.body.version, config.now())
  );
  app.post(
    '/api/periodicals/issues/:id/withdraw',
    {
      config: { access: ['editor'] },
      schema: {
        tags,
        summary: '撤回已发布的一期，撤销其登记的采用',
        params: IssueParams,
        body: IssueCommentBody,
        response: { 200: IssueOk },
      },
    },
    async (request) => {
      const { version, comment } = request.body;
      await withdrawIssue(db, user(request), request.params.id, version, comment, config.now());
      return ok;
    }
  );
  app.get(
    '/api/periodicals/issues/:id/document',
    {
      config: { access: DISTRICT },
      schema: {
        tags,
        summary: '导出一期（Word 或 PDF）',
        params: IssueParams,
        querystring: IssueDocumentQuery,
        response: { 200: DocumentFile },
      },
      preHandler: costly,
    },
    async (request, reply) => {
      const { bytes, filename } = await renderIssue(db, user(request), request.params.id, request.query.format);
      return sendDocument(reply, request.query.format, filename, bytes);
    }
  );
}

/**
 * 导出Excel of every table: each route takes its list route's query and roles and answers the
 * rows that list selects (all pages, up to EXPORT_MAX_ROWS) as an `.xlsx` workbook. Exports are
 * reads, rate-limited as costly; the audit log's export is itself audited.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { isIsoDate } from '../../../domain/dates.js';
import { exportAuditWorkbook } from '../../../services/audit/export-audit.js';
import { exportItems } from '../../../services/exports/export-items.js';
import {
  exportPenalties,
  exportRegistry,
  exportSolicitations,
  exportTrainings,
} from '../../../services/exports/export-lists.js';
import { exportExplanation, exportScores } from '../../../services/exports/export-scores.js';
import type { ExportedWorkbook } from '../../../services/exports/export-workbook.js';
import { ServiceError } from '../../../services/service-error.js';
import { AuditQuery } from '../../../shared/api/audit.js';
import { WorkbookFile } from '../../../shared/api/documents.js';
import { ItemListQuery } from '../../../shared/api/items.js';
import { ExplainQuery, ScoresQuery } from '../../../shared/api/scores.js';
import { RegistryExportQuery } from '../../../shared/api/registry.js';
import { PenaltyExportQuery } from '../../../shared/api/solicitations.js';
import { ITEM_ROLES } from '../../../shared/roles.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actingUserOf, actorOf, rateLimit } from '../../plugins/access.js';
import { sendDocument } from '../send-document.js';
import type { FastifyReply } from 'fastify';

const send = (reply: FastifyReply, file: ExportedWorkbook) => sendDocument(reply, 'xlsx', file.filename, file.bytes);

function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && !isIsoDate(asOf))
    throw new ServiceError('invalid', '“截至日期”不是有效日期', { field: 'asOf', label: '截至日期' });
}

export function exportsRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  // A workbook of 50,000 rows costs as much as a scores run: at most 10 a minute per route and account.
  const costly = (name: string) =>
    rateLimit(
      db,
      config,
      name,
      () => Math.min(10, config.costlyRateLimit),
      (request) => String(request.auth?.user.id)
    );
  const response = { 200: WorkbookFile };
  const user = actingUserOf;

  app.get(
    '/api/items/export',
    {
      config: { access: ITEM_ROLES },
      schema: {
        tags: ['信息稿件'],
        summary: '导出稿件列表（Excel，按列表的筛选条件，全部页）',
        querystring: ItemListQuery,
        response,
      },
      preHandler: costly('export-items'),
    },
    async (request, reply) => send(reply, await exportItems(db, user(request), request.query, config.now()))
  );

  app.get(
    '/api/scores/export',
    {
      config: { access: ITEM_ROLES },
      schema: { tags: ['考核'], summary: '导出考核得分（Excel，每个序列一张表）', querystring: ScoresQuery, response },
      preHandler: costly('export-scores'),
    },
    async (request, reply) => {
      checkAsOf(request.query.asOf);
      return send(reply, await exportScores(db, user(request), request.query, config.now()));
    }
  );

  app.get(
    '/api/scores/explain/export',
    {
      config: { access: ITEM_ROLES },
      schema: { tags: ['考核'], summary: '导出某单位的记分明细（Excel）', querystring: ExplainQuery, response },
      preHandler: costly('export-explain'),
    },
    async (request, reply) => {
      checkAsOf(request.query.asOf);
      return send(reply, await exportExplanation(db, user(request), request.query, config.now()));
    }
  );

  app.get(
    '/api/solicitations/export',
    {
      config: { access: ITEM_ROLES },
      schema: { tags: ['约稿'], summary: '导出约稿及各单位报送情况（Excel）', response },
      preHandler: costly('export-solicitations'),
    },
    async (request, reply) => send(reply, await exportSolicitations(db, user(request), config.now()))
  );

  app.get(
    '/api/penalties/export',
    {
      config: { access: ITEM_ROLES },
      schema: { tags: ['扣分'], summary: '导出扣分记录（Excel）', querystring: PenaltyExportQuery, response },
      preHandler: costly('export-penalties'),
    },
    async (request, reply) => send(reply, await exportPenalties(db, user(request), request.query, config.now()))
  );

  app.get(
    '/api/registry/export',
    {
      config: { access: ITEM_ROLES },
      schema: {
        tags: ['信息员登记'],
        summary: '导出信息员登记备案（Excel）',
        querystring: RegistryExportQuery,
        response,
      },
      preHandler: costly('export-registry'),
    },
    async (request, reply) => send(reply, await exportRegistry(db, user(request), request.query, config.now()))
  );

  app.get(
    '/api/trainings/export',
    {
      config: { access: ITEM_ROLES },
      schema: { tags: ['信息员培训'], summary: '导出培训记录及参训人员（Excel）', response },
      preHandler: costly('export-trainings'),
    },
    async (request, reply) => send(reply, await exportTrainings(db, user(request), config.now()))
  );

  app.get(
    '/api/audit/export.xlsx',
    {
      config: { access: ['audit_admin'] },
      schema: { tags: ['审计'], summary: '导出审计日志（Excel）', querystring: AuditQuery, response },
      preHandler: costly('audit-export'),
    },
    async (request, reply) => send(reply, await exportAuditWorkbook(db, actorOf(request), request.query, config.now()))
  );
}

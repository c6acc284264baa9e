import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { todayInChina } from '../../../domain/dates.js';
import { exportAudit } from '../../../services/audit/export-audit.js';
import { readAudit } from '../../../services/audit/read-audit.js';
import { verifyAudit } from '../../../services/audit/verify-audit.js';
import { AuditCsv, AuditPage, AuditQuery, AuditVerification } from '../../../shared/api/audit.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actorOf, rateLimit } from '../../plugins/access.js';

/** The audit log (审计管理员): read with filters, check the hash chain, export. */
export function auditRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['审计'];
  const costly = (name: string) =>
    rateLimit(
      db,
      config,
      name,
      () => Math.min(10, config.costlyRateLimit),
      (request) => String(request.auth?.user.id)
    );

  app.get(
    '/api/audit',
    {
      config: { access: ['audit_admin'] },
      schema: { tags, summary: '审计日志（筛选、分页）', querystring: AuditQuery, response: { 200: AuditPage } },
    },
    async (request) => {
      const { page = 1, pageSize = 50, ...filter } = request.query;
      const { rows, total } = await readAudit(db, filter, pageSize, (page - 1) * pageSize);
      return { page, pageSize, total, entries: rows };
    }
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: ['audit_admin'] },
      schema: {
        tags,
        summary: '校验审计日志的哈希链（HMAC-SM3，以服务器密钥文件中的密钥）：是否完整、未被改动',
        response: { 200: AuditVerification },
      },
      preHandler: costly('audit-verify'),
    },
    async () => verifyAudit(db)
  );

  app.get(
    '/api/audit/export',
    {
      config: { access: ['audit_admin'] },
      schema: { tags, summary: '导出审计日志（CSV）', querystring: AuditQuery, response: { 200: AuditCsv } },
      preHandler: costly('audit-export'),
    },
    async (request, reply) => {
      const csv = await exportAudit(db, actorOf(request), request.query, config.now());
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${todayInChina(config.now())}.csv"`)
        .send(csv);
    }
  );
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { listOutbox, retryOutboxMessage } from '../../../services/notifications/outbox-admin.js';
import { Done } from '../../../shared/api/auth.js';
import { OutboxPage, OutboxParams, OutboxQuery } from '../../../shared/api/outbox.js';
import type { ApiApp } from '../../api-app.js';
import type { ServerConfig } from '../../config.js';
import { actingUserOf } from '../../plugins/access.js';

/** 邮件发送: the outbox of e-mail notifications, for the system administrator. */
export function outboxRoutes(app: ApiApp, db: Kysely<Database>, config: ServerConfig): void {
  const tags = ['邮件通知'];

  app.get(
    '/api/admin/outbox',
    {
      config: { access: ['sys_admin'] },
      schema: {
        tags,
        summary: '邮件发送情况：是否已配置 SMTP、各状态数量及邮件列表',
        querystring: OutboxQuery,
        response: { 200: OutboxPage },
      },
    },
    async (request) =>
      listOutbox(db, actingUserOf(request), config.mail, {
        status: request.query.status,
        page: request.query.page ?? 1,
        pageSize: request.query.pageSize ?? 20,
      })
  );

  app.post(
    '/api/admin/outbox/:id/retry',
    {
      config: { access: ['sys_admin'] },
      schema: { tags, summary: '重新发送一封发送失败的邮件', params: OutboxParams, response: { 200: Done } },
    },
    async (request) => {
      await retryOutboxMessage(db, actingUserOf(request), request.params.id, config.now());
      return { ok: true as const };
    }
  );
}

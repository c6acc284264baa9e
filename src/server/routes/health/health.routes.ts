import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { databaseAnswers } from '../../../db/repositories/health.repository.js';
import { Health, Ping } from '../../../shared/api/health.js';
import type { ApiApp } from '../../api-app.js';

/** Liveness with the database: 200 when a query answers, 503 when it does not. */
export function healthRoutes(app: ApiApp, db: Kysely<Database>): void {
  const tags = ['系统'];
  // Liveness of the process alone (no database): for load balancers, and the floor of `npm run bench:api`.
  app.get(
    '/api/ping',
    {
      config: { access: 'public' },
      schema: { tags, summary: '进程存活检查（不访问数据库）', response: { 200: Ping } },
    },
    async () => ({ status: 'ok' as const })
  );

  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags, summary: '健康检查', response: { 200: Health, 503: Health } } },
    async (request, reply) => {
      try {
        await databaseAnswers(db);
        return { status: 'ok' as const, database: 'reachable' as const };
      } catch (error) {
        request.log.error({ err: error }, 'health check failed');
        return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
      }
    }
  );
}

import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';

/** Liveness with the database: 200 when a query answers, 503 when it does not. */
export function healthRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  // Liveness of the process alone (no database): for load balancers, and the floor of `npm run bench:api`.
  app.get('/api/ping', { config: { access: 'public' }, schema: { tags: ['系统'], summary: '进程存活检查（不访问数据库）' } }, async () => ({ status: 'ok' }));

  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['系统'], summary: '健康检查' } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ok', database: 'reachable' };
    } catch (error) {
      request.log.error({ err: error }, 'health check failed');
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}

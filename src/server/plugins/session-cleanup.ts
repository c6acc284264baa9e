import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { cleanUpSessions, SESSION_CLEANUP_JOB } from '../../services/auth/clean-up-sessions.js';
import { startPeriodicJob } from '../../services/jobs/periodic-job.js';
import { DEFAULT_LEASE_MS } from '../../services/jobs/run-exclusively.js';
import type { ServerConfig } from '../config.js';

/**
 * Cleans up expired sessions every GOVINFO_SESSION_CLEANUP_S (default 10 minutes), in one server
 * process per period across the database; started when the app is ready, stopped when it closes.
 */
export function registerSessionCleanup(app: FastifyInstance, db: Kysely<Database>, config: ServerConfig): void {
  let job: { stop: () => Promise<void> } | undefined;
  app.addHook('onReady', async () => {
    job = startPeriodicJob(db, {
      name: SESSION_CLEANUP_JOB,
      intervalMs: (config.jobs?.sessionCleanupSeconds ?? 600) * 1000,
      leaseMs: config.jobs?.leaseMs ?? DEFAULT_LEASE_MS,
      run: () => cleanUpSessions(db, config.now()),
      onError: (error) => app.log.error({ err: error }, '清理过期会话出错'),
    });
  });
  app.addHook('onClose', async () => {
    await job?.stop();
  });
}

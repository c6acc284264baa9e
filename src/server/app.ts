import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { connectImapMailbox, type ConnectMailbox } from '../mail/imap-mailbox.js';
import { MailboxPoller } from '../services/mail/mailbox-poller.js';
import { MAX_MAIL_MESSAGE_BYTES } from '../shared/limits.js';
import type { ServerConfig } from './config.js';
import { registerAccessControl } from './plugins/access.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerSecureTransport } from './plugins/secure-transport.js';
import { registerTextCharacterCheck } from './plugins/text-characters.js';
import { DEFAULT_WEB_ROOT, registerWebPages } from './plugins/web-pages.js';
import { accountsRoutes } from './routes/accounts/accounts.routes.js';
import { auditRoutes } from './routes/audit/audit.routes.js';
import { authRoutes } from './routes/auth/auth.routes.js';
import { healthRoutes } from './routes/health/health.routes.js';
import { mailRoutes } from './routes/mail/mail.routes.js';
import { importsRoutes } from './routes/imports/imports.routes.js';
import { exportsRoutes } from './routes/exports/exports.routes.js';
import { itemsRoutes } from './routes/items/items.routes.js';
import { periodicalsRoutes } from './routes/periodicals/periodicals.routes.js';
import { noticesRoutes } from './routes/notices/notices.routes.js';
import { policiesRoutes } from './routes/policies/policies.routes.js';
import { registryRoutes } from './routes/registry/registry.routes.js';
import { reviewRoutes } from './routes/review/review.routes.js';
import { resultsRoutes } from './routes/results/results.routes.js';
import { scoresRoutes } from './routes/scores/scores.routes.js';
import { securityRoutes } from './routes/security/security.routes.js';
import { summariesRoutes } from './routes/summaries/summaries.routes.js';
import { solicitationsRoutes } from './routes/solicitations/solicitations.routes.js';
import { trainingsRoutes } from './routes/trainings/trainings.routes.js';
import { unitsRoutes } from './routes/units/units.routes.js';
import { outboxRoutes } from './routes/outbox/outbox.routes.js';
import { registerOutboxSender } from './plugins/outbox-sender.js';
import { registerSessionCleanup } from './plugins/session-cleanup.js';

/**
 * The background poll of the district's mailbox, when one is configured: started once the app is
 * ready (listening, or the first inject), stopped — a running poll let finish — when it closes.
 */
function startMailboxPoller(
  app: FastifyInstance,
  db: Kysely<Database>,
  config: ServerConfig,
  connect: ConnectMailbox
): MailboxPoller | null {
  if (!config.mailbox) return null;
  const poller = new MailboxPoller({
    db,
    address: config.mailbox,
    connect,
    limits: () => ({
      maxMessageBytes: config.maxMailBytes ?? MAX_MAIL_MESSAGE_BYTES,
      maxAttachmentBytes: config.maxAttachmentBytes,
    }),
    now: config.now,
    onError: (message, error) => app.log.error({ err: error }, `邮箱收取失败：${message}`),
    leaseMs: config.jobs?.leaseMs,
  });
  app.addHook('onReady', async () => poller.start());
  app.addHook('onClose', async () => poller.stop());
  return poller;
}

export interface AppDependencies {
  db: Kysely<Database>;
  config: ServerConfig;
  /** Pino logger options, or false for none (tests). */
  logger?: boolean | { level: string };
  /** The built web pages (default dist/web); the API alone is served without them. */
  webRoot?: string;
  /** How the mailbox of `config.mailbox` is opened (IMAP; tests may pass another). */
  connectMailbox?: ConnectMailbox;
}

/** Builds the HTTP app from its dependencies without listening, so tests drive it with inject(). */
export async function buildApp({
  db,
  config,
  logger = false,
  webRoot = DEFAULT_WEB_ROOT,
  connectMailbox = connectImapMailbox,
}: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Refuse unknown fields rather than drop them, and report every problem at once.
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array' } },
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxAttachmentBytes, files: 1, fields: 5 } });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Deployments behind HTTPS get HSTS; upgrading requests would break plain-HTTP installs on an intranet.
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // Sent by registerSecureTransport, only over HTTPS.
    strictTransportSecurity: false,
  });
  registerSecureTransport(app, config);
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs'))
      reply.header('cache-control', 'no-store');
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '政务信息报送与考核系统 API',
        version: '1.0.0',
        description:
          '番府办〔2010〕12号《番禺区政务信息工作实施方案》的报送、采用与考核。状态变更请求须带 X-CSRF-Token 头（登录时返回）。',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'govinfo_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, transformStaticCSP: (header) => header });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const webIndex = await registerWebPages(app, webRoot);
  registerErrorHandling(app, db, config, webIndex);
  registerAccessControl(app, db, config);
  registerTextCharacterCheck(app);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  healthRoutes(api, db);
  authRoutes(api, db, config);
  accountsRoutes(api, db, config);
  securityRoutes(api, db, config);
  itemsRoutes(api, db, config);
  reviewRoutes(api, db);
  scoresRoutes(api, db, config);
  resultsRoutes(api, db, config);
  summariesRoutes(api, db, config);
  periodicalsRoutes(api, db, config);
  solicitationsRoutes(api, db, config);
  noticesRoutes(api, db, config);
  unitsRoutes(api, db, config);
  policiesRoutes(api, db, config);
  registryRoutes(api, db, config);
  trainingsRoutes(api, db, config);
  auditRoutes(api, db, config);
  importsRoutes(api, db, config);
  exportsRoutes(api, db, config);
  mailRoutes(api, db, config, startMailboxPoller(app, db, config, connectMailbox));
  outboxRoutes(api, db, config);
  registerOutboxSender(app, db, config);
  registerSessionCleanup(app, db, config);
  return app;
}

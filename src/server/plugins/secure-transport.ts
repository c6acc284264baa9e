import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.js';

/** One year, subdomains included: the usual HSTS policy once a site is served over HTTPS. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Whether the server treats a request as arriving over HTTPS: directly, or through a trusted
 * proxy's X-Forwarded-Proto (`trustProxy`), or because the operator says so (`secureCookies:
 * always`). Secure cookies and HSTS follow this one rule.
 */
export function isSecureRequest(config: ServerConfig, request: FastifyRequest): boolean {
  return config.secureCookies === 'always' || (config.secureCookies === 'auto' && request.protocol === 'https');
}

/**
 * Sends Strict-Transport-Security only on requests that came over HTTPS. RFC 6797 §7.2: the
 * header means nothing over plain HTTP, and an intranet install on plain HTTP must not be told
 * it is an HTTPS site.
 */
export function registerSecureTransport(app: FastifyInstance, config: ServerConfig): void {
  app.addHook('onSend', async (request, reply) => {
    if (isSecureRequest(config, request)) reply.header('strict-transport-security', HSTS);
  });
}

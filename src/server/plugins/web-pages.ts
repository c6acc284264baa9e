import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build:web` puts the pages: dist/web under the project root (from src/ or dist/), or GOVINFO_WEB_ROOT. */
export const DEFAULT_WEB_ROOT = process.env.GOVINFO_WEB_ROOT ?? path.resolve(import.meta.dirname, '../../../dist/web');

/**
 * Serves the built web pages at `/`: hashed assets cached for a year, index.html never cached, and
 * index.html for any other GET outside /api so that a page's address opens that page (the
 * pages route in the browser). Without a build, only the API is served.
 */
export async function registerWebPages(app: FastifyInstance, webRoot: string): Promise<Buffer | undefined> {
  const indexFile = path.join(webRoot, 'index.html');
  if (!fs.existsSync(indexFile)) return undefined;
  await app.register(fastifyStatic, {
    root: webRoot,
    index: false,
    wildcard: false,
    setHeaders: (reply, file) => {
      reply.header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'
      );
    },
  });
  const index = fs.readFileSync(indexFile);
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) => sendIndex(reply, index));
  return index;
}

/** The page shell; the browser routes to the page its address names. */
export function sendIndex(reply: FastifyReply, index: Buffer) {
  return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
}

/** Addresses the page shell answers: page addresses, not the API or files. */
export function isPageAddress(method: string, url: string): boolean {
  return method === 'GET' && !url.startsWith('/api/') && !url.startsWith('/assets/') && !/\.[a-z0-9]+(\?|$)/i.test(url);
}

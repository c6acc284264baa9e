import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/connect.js';
import { buildApp } from './app.js';
import type { ServerConfig } from './config.js';

/** Where a server listens. */
export interface ListenOptions {
  /** The address bound (`--host`). */
  host: string;
  /** The port (`--port`); the workers of `--workers N` share it through node:cluster. */
  port: number;
}

/** A listening server. */
export interface RunningServer {
  app: FastifyInstance;
  /** The address Fastify listens at, e.g. `http://127.0.0.1:8080`. */
  address: string;
  /** Closes the app (requests in flight answered, background jobs stopped), then the store; once. */
  stop(): Promise<void>;
}

/** A listen that failed, said in Chinese: the port taken, no such address, no permission. */
export class ListenError extends Error {}

/**
 * Builds the app on an open store and listens: the one start path of `govinfo serve`, whether it
 * serves alone or as one worker of several. The server owns the store from here: it is closed
 * with the server, or at once when the listen fails.
 */
export async function startServer(
  store: Store,
  config: ServerConfig,
  { host, port }: ListenOptions
): Promise<RunningServer> {
  const app = await buildApp({ db: store.db, config, logger: { level: process.env.GOVINFO_LOG_LEVEL ?? 'info' } });
  let address: string;
  try {
    address = await app.listen({ host, port });
  } catch (error) {
    await app.close();
    await store.close();
    throw new ListenError(listenFailure(error, host, port));
  }
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await app.close();
      await store.close();
    })());
  return { app, address, stop };
}

/** Why a listen failed, in words the administrator can act on. */
function listenFailure(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `端口 ${port} 已被占用（${host}）：请换用 --port，或先停止占用它的程序`;
  if (code === 'EACCES') return `没有权限监听 ${host}:${port}（1024 以下的端口需要特权）`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `本机没有地址 ${host}，请检查 --host`;
  return `无法监听 ${host}:${port}：${(error as Error).message ?? String(error)}`;
}

/**
 * `govinfo serve --workers N`: a primary process forks N workers (node:cluster) that share one
 * port. The primary has done the one-time start-up work (migrations, the server key, the first
 * administrator, sealing) before forking; each worker opens the store and serves. Sessions, rate
 * limits, lockouts and job leases live in the database, so any worker answers any request.
 */
import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { startServer, type ListenOptions, type RunningServer } from '../server/main.js';
import { serverConfigFromEnv } from '../server/config.js';
import { openStore, resolveDatabaseLocation } from '../services/open-store.js';
import { UserError, type CliIo } from './context.js';

/** Worker deaths tolerated within CRASH_WINDOW_MS before the primary gives up (a crash loop). */
const MAX_RESTARTS = 5;
const CRASH_WINDOW_MS = 60_000;
/**
 * How long a stopping worker may take to answer its requests in flight before it is killed: less
 * than the unit's TimeoutStopSec=30, so the primary, not systemd, ends the stop.
 */
const STOP_GRACE_MS = 20_000;
/** How long after a worker's exit the primary waits for a stop signal of its own before replacing it. */
const SETTLE_MS = 500;

/** What a worker tells its primary over IPC. */
type WorkerMessage = { type: 'listening'; address: string } | { type: 'failed'; message: string };

export interface ServeClusterOptions extends ListenOptions {
  /** How many worker processes (`--workers`, 2 or more). */
  workers: number;
  /** The database, given to the workers in their environment: never on a command line, which `ps` shows. */
  location: string;
  io: CliIo;
  /** Called once, when every worker listens: the start-up lines. */
  onListening(address: string): void;
}

/**
 * Runs the primary: forks the workers, reports once they all listen, replaces a worker that dies
 * (up to MAX_RESTARTS within CRASH_WINDOW_MS), and on SIGTERM or SIGINT stops them all. Resolves
 * when they stopped on a signal; rejects with a UserError when a worker fails to start or the
 * workers keep dying, after stopping the others.
 */
export function runServeCluster(options: ServeClusterOptions): Promise<void> {
  const { io } = options;
  cluster.setupPrimary({
    exec: fileURLToPath(new URL('./serve-worker.js', import.meta.url)),
    args: [options.host, String(options.port)],
  });
  return new Promise<void>((resolve, reject) => {
    let state: 'starting' | 'running' | 'stopping' = 'starting';
    let failure: string | undefined;
    const live = new Set<Worker>();
    const listening = new Set<Worker>();
    const failures = new Map<Worker, string>();
    const deaths: number[] = [];
    const settling = new Set<NodeJS.Timeout>();
    let killTimer: NodeJS.Timeout | undefined;

    const finish = () => {
      process.off('SIGTERM', stopAll);
      process.off('SIGINT', stopAll);
      clearTimeout(killTimer);
      for (const timer of settling) clearTimeout(timer);
      if (failure) reject(new UserError(failure));
      else resolve();
    };
    function stopAll() {
      if (state === 'stopping') return;
      state = 'stopping';
      if (live.size === 0) return finish();
      for (const worker of live) worker.process.kill('SIGTERM');
      killTimer = setTimeout(() => {
        for (const worker of live) worker.process.kill('SIGKILL');
      }, STOP_GRACE_MS);
    }
    const fork = () => {
      const worker = cluster.fork({ GOVINFO_DB: options.location });
      live.add(worker);
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'failed') failures.set(worker, message.message);
        if (message.type !== 'listening') return;
        listening.add(worker);
        if (state === 'starting' && listening.size === options.workers) {
          state = 'running';
          options.onListening(message.address);
        }
      });
      worker.on('exit', (code, signal) => {
        live.delete(worker);
        const wasListening = listening.delete(worker);
        if (state === 'stopping') {
          if (live.size === 0) finish();
          return;
        }
        // A signal sent to the whole group (systemd stopping the unit, Ctrl-C in a terminal) may
        // reach a worker before the primary: wait a moment before calling the exit unexpected.
        const settle = setTimeout(() => {
          settling.delete(settle);
          if (state === 'stopping') return;
          onUnexpectedExit(
            worker,
            wasListening,
            failures.get(worker) ?? (signal ? `信号 ${signal}` : `退出码 ${code}`)
          );
        }, SETTLE_MS);
        settling.add(settle);
      });
    };
    /** A worker gone without being asked: a failed start stops all, a death is replaced unless they keep dying. */
    const onUnexpectedExit = (worker: Worker, wasListening: boolean, how: string) => {
      const pid = worker.process.pid;
      if (state === 'starting' && !wasListening) {
        failure = `工作进程 ${pid} 启动失败，服务未启动：${how}`;
        return stopAll();
      }
      const now = Date.now();
      deaths.push(now);
      while (deaths[0] <= now - CRASH_WINDOW_MS) deaths.shift();
      if (deaths.length > MAX_RESTARTS) {
        io.stderr(`工作进程 ${pid} 意外退出（${how}）\n`);
        failure = `工作进程在 ${CRASH_WINDOW_MS / 1000} 秒内意外退出了 ${deaths.length} 次，不再重启，服务停止`;
        return stopAll();
      }
      io.stderr(`工作进程 ${pid} 意外退出（${how}），正在启动新的工作进程\n`);
      fork();
    };
    process.on('SIGTERM', stopAll);
    process.on('SIGINT', stopAll);
    for (let i = 0; i < options.workers; i++) fork();
  });
}

/**
 * Runs one worker (the entry serve-worker.ts): opens the store, builds the app and listens on the
 * port the primary shares, then says so over IPC; a start that fails is reported in Chinese and
 * the worker exits 1. SIGTERM, SIGINT or the loss of the primary stop it gracefully.
 */
export async function runServeWorker(): Promise<void> {
  const [host, port] = process.argv.slice(2);
  const tell = (message: WorkerMessage, then?: () => void) =>
    process.send ? process.send(message, undefined, undefined, then) : then?.();
  let server: RunningServer | undefined;
  let isStopping = false;
  const stop = async () => {
    if (isStopping) return;
    isStopping = true;
    await server?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  // The primary gone (killed): its port is gone too, so nothing is left to serve.
  process.on('disconnect', () => void stop());
  try {
    const store = await openStore(resolveDatabaseLocation(undefined));
    server = await startServer(store, serverConfigFromEnv(), { host, port: Number(port) });
  } catch (error) {
    tell({ type: 'failed', message: (error as Error).message ?? String(error) }, () => process.exit(1));
    return;
  }
  tell({ type: 'listening', address: server.address });
}

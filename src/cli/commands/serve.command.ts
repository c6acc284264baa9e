import { Command } from 'commander';
import type { Store } from '../../db/connect.js';
import { serverKey, ServerKeyError } from '../../security/server-key.js';
import type { ServerConfig } from '../../server/config.js';
import { UserError, type CliIo } from '../context.js';
import { printStartupNotices } from '../startup-notices.js';

/** The most worker processes `--workers` takes: far more than the cores of a district's server. */
const MAX_WORKERS = 64;

export function serveCommand(io: CliIo): Command {
  return new Command('serve')
    .description('启动服务（REST API；浏览器访问 /api/docs 查看接口文档）')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--port <port>', '监听端口', '8080')
    .option('--workers <n>', `工作进程数（1–${MAX_WORKERS}，共用一个端口；多于 1 个需要 PostgreSQL）`, '1')
    .action(async (options: { host: string; port: string; workers: string }, command: Command) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new UserError(`--port 的值“${options.port}”无效，应为 1–65535 的整数`);
      const workers = Number(options.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS)
        throw new UserError(`--workers 的值“${options.workers}”无效，应为 1–${MAX_WORKERS} 的整数`);
      // Loaded here, not at start-up: the other commands need none of the server's packages.
      const [
        { serverConfigFromEnv, ConfigError },
        { ensureFirstAdmin, FIRST_ADMIN_USERNAME },
        { openStore, resolveDatabaseLocation },
        { sealPlainTotpSecrets },
        { startServer, ListenError },
        { runServeCluster },
        { dialectOf },
      ] = await Promise.all([
        import('../../server/config.js'),
        import('../../services/auth/ensure-first-admin.js'),
        import('../../services/open-store.js'),
        import('../../services/security/seal-totp-secrets.js'),
        import('../../server/main.js'),
        import('../serve-cluster.js'),
        import('../../db/connect.js'),
      ]);
      // A wrong mailbox setting stops the start before anything is opened, naming the variable.
      let config: ServerConfig;
      try {
        config = serverConfigFromEnv();
      } catch (error) {
        throw error instanceof ConfigError ? new UserError(error.message) : error;
      }
      const location = resolveDatabaseLocation(command.optsWithGlobals<{ db?: string }>().db);
      // Several processes writing one SQLite file would wait on its lock with their event loops
      // blocked (better-sqlite3 is synchronous), or fail a transaction with SQLITE_BUSY.
      if (workers > 1 && dialectOf(location) === 'sqlite')
        throw new UserError(
          `--workers ${workers} 需要 PostgreSQL 数据库：SQLite 数据库文件只能由一个进程提供服务（用 --db 或 GOVINFO_DB 指定 postgres://…，或去掉 --workers）`
        );

      // The one-time start-up work, done once whatever the number of workers.
      const store = await openStore(location);
      // The key is read (or created) before listening: a bad key file stops the start, not a later request.
      try {
        serverKey();
      } catch (error) {
        await store.close();
        throw error instanceof ServerKeyError ? new UserError(error.message) : error;
      }
      printStartupNotices(io, io.stdout);
      const password = await ensureFirstAdmin(store.db, process.env.GOVINFO_ADMIN_PASSWORD || undefined, config.now());
      if (password) {
        io.stdout(
          `已创建系统管理员账号 ${FIRST_ADMIN_USERNAME}，一次性密码：${process.env.GOVINFO_ADMIN_PASSWORD ? '（取自 GOVINFO_ADMIN_PASSWORD）' : password}\n`
        );
        io.stdout('首次登录后必须修改密码。此密码只显示这一次。\n');
      }
      // Secrets stored in plain text by an earlier version are sealed before the first request.
      const sealed = await sealPlainTotpSecrets(store.db);
      if (sealed > 0) io.stdout(`已加密保存 ${sealed} 个账号的双因素认证密钥。\n`);
      const printStarted = await startedLines(io, store, config);

      if (workers > 1) {
        // The workers open their own stores; the primary keeps no connection while it supervises them.
        await store.close();
        await runServeCluster({
          workers,
          host: options.host,
          port,
          location,
          io,
          onListening: (address) => printStarted(address, `${workers} 个工作进程`),
        });
        return;
      }
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer(store, config, { host: options.host, port });
      } catch (error) {
        throw error instanceof ListenError ? new UserError(error.message) : error;
      }
      const stop = async () => {
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      printStarted(server.address);
      // Keep running until a signal: the action resolves only when the server closes.
      await new Promise<void>((resolve) => server.app.server.once('close', () => resolve()));
    });
}

/**
 * The lines saying the server has started, where, and what runs in the background; printed once,
 * by the single process or by the primary once all its workers listen (`processes` says how many).
 */
async function startedLines(
  io: CliIo,
  store: Store,
  config: ServerConfig
): Promise<(address: string, processes?: string) => void> {
  const [{ mailboxLabel }, { DEFAULT_WEB_ROOT }, { existsSync }] = await Promise.all([
    import('../../domain/mailbox-address.js'),
    import('../../server/plugins/web-pages.js'),
    import('node:fs'),
  ]);
  const hasWebPages = existsSync(`${DEFAULT_WEB_ROOT}/index.html`);
  const database = store.location;
  return (address, processes) => {
    io.stdout(`政务信息报送与考核系统已启动：${address}（数据库 ${database}${processes ? `，${processes}` : ''}）\n`);
    if (config.mailbox)
      io.stdout(`收取邮箱 ${mailboxLabel(config.mailbox)}：每 ${config.mailbox.pollSeconds} 秒一次\n`);
    io.stdout(
      config.mail?.smtpUrl
        ? `邮件通知：经 ${smtpHost(config.mail.smtpUrl)} 在后台发送，每 ${config.mail.pollSeconds} 秒一轮\n`
        : '邮件通知：未设置 GOVINFO_SMTP_URL，通知邮件保存在发送队列中，暂不发送\n'
    );
    io.stdout(
      hasWebPages
        ? `在浏览器中打开 ${address}/ 登录使用；接口文档 ${address}/api/docs\n`
        : `网页尚未构建（npm run build），目前只提供接口：${address}/api/docs\n`
    );
  };
}

/** The SMTP server's host and port, without the user and password, for the start-up line. */
function smtpHost(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'SMTP 服务器';
  }
}

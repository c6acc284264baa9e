import { Command } from 'commander';
import { serverKey, ServerKeyError } from '../../security/server-key.js';
import { UserError, type CliIo } from '../context.js';
import { printStartupNotices } from '../startup-notices.js';

export function serveCommand(io: CliIo): Command {
  return new Command('serve')
    .description('启动服务（REST API；浏览器访问 /api/docs 查看接口文档）')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--port <port>', '监听端口', '8080')
    .action(async (options: { host: string; port: string }, command: Command) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new UserError(`--port 的值“${options.port}”无效，应为 1–65535 的整数`);
      // Loaded here, not at start-up: the other commands need none of the server's packages.
      const [
        { buildApp },
        { serverConfigFromEnv, ConfigError },
        { ensureFirstAdmin, FIRST_ADMIN_USERNAME },
        { openStore, resolveDatabaseLocation },
        { sealPlainTotpSecrets },
      ] = await Promise.all([
        import('../../server/app.js'),
        import('../../server/config.js'),
        import('../../services/auth/ensure-first-admin.js'),
        import('../../services/open-store.js'),
        import('../../services/security/seal-totp-secrets.js'),
      ]);
      // A wrong mailbox setting stops the start before anything is opened, naming the variable.
      let config: ReturnType<typeof serverConfigFromEnv>;
      try {
        config = serverConfigFromEnv();
      } catch (error) {
        throw error instanceof ConfigError ? new UserError(error.message) : error;
      }
      const store = await openStore(resolveDatabaseLocation(command.optsWithGlobals<{ db?: string }>().db));
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
      const app = await buildApp({ db: store.db, config, logger: { level: process.env.GOVINFO_LOG_LEVEL ?? 'info' } });
      const stop = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      const address = await app.listen({ host: options.host, port });
      io.stdout(`政务信息报送与考核系统已启动：${address}（数据库 ${store.location}）\n`);
      if (config.mailbox) {
        const { mailboxLabel } = await import('../../domain/mailbox-address.js');
        io.stdout(`收取邮箱 ${mailboxLabel(config.mailbox)}：每 ${config.mailbox.pollSeconds} 秒一次\n`);
      }
      io.stdout(
        config.mail?.smtpUrl
          ? `邮件通知：经 ${smtpHost(config.mail.smtpUrl)} 在后台发送，每 ${config.mail.pollSeconds} 秒一轮\n`
          : '邮件通知：未设置 GOVINFO_SMTP_URL，通知邮件保存在发送队列中，暂不发送\n'
      );
      const { DEFAULT_WEB_ROOT } = await import('../../server/plugins/web-pages.js');
      const { existsSync } = await import('node:fs');
      io.stdout(
        existsSync(`${DEFAULT_WEB_ROOT}/index.html`)
          ? `在浏览器中打开 ${address}/ 登录使用；接口文档 ${address}/api/docs\n`
          : `网页尚未构建（npm run build），目前只提供接口：${address}/api/docs\n`
      );
      // Keep running until a signal: the action resolves only when the server closes.
      await new Promise<void>((resolve) => app.server.once('close', () => resolve()));
    });
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

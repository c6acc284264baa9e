/**
 * A throwaway Dovecot IMAP server for the mailbox tests: its own configuration, users, maildirs,
 * logs and sockets in a temporary folder, listening on 127.0.0.1 at a free port, plain text
 * logins without TLS. Skipped (isDovecotAvailable false) where Dovecot is not installed;
 * CI installs `dovecot-imapd`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const DOVECOT = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((file) => fs.existsSync(file));

export const isDovecotAvailable = DOVECOT !== undefined;
if (!isDovecotAvailable)
  console.warn('Dovecot is not installed (apt-get install dovecot-imapd): mailbox tests skipped');

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** imap://user:password@127.0.0.1:port/INBOX, with the user and password URL-encoded. */
  url(overrides?: { password?: string; mailbox?: string }): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`dovecot exited (${child.exitCode}): ${log()}`));
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`dovecot did not listen on ${port}: ${log()}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** The uid and gid of a system account, from /etc/passwd. */
function systemUser(name: string): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) throw new Error(`user ${name} does not exist (is dovecot-imapd installed?)`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Starts Dovecot with one user (a PLAIN password) and an empty INBOX. */
export async function startDovecot(user = 'xinxi@panyu.example.gov.cn', password = 'p@ss/w#rd%1'): Promise<Dovecot> {
  if (!DOVECOT) throw new Error('dovecot is not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govinfo-dovecot-'));
  const port = await freePort();
  const me = os.userInfo();
  // Dovecot runs neither its login processes nor a mail session as root; as root the tests borrow
  // the users its package creates (dovenull, dovecot) and give the mail folders to dovecot.
  const isRoot = me.uid === 0;
  const { uid, gid } = isRoot ? systemUser('dovecot') : me;
  const loginUser = isRoot ? 'dovenull' : me.username;
  const internalUser = isRoot ? 'dovecot' : me.username;
  for (const folder of ['mail', 'home']) {
    fs.mkdirSync(path.join(dir, folder));
    fs.chownSync(path.join(dir, folder), uid, gid);
  }
  // The auth process runs as Dovecot's own user: it must reach the (throwaway) password file.
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(path.join(dir, 'users'), `${user}:{PLAIN}${password}\n`, { mode: 0o644 });
  fs.mkdirSync(path.join(dir, 'run'));
  const conf = [
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    `info_log_path = ${dir}/dovecot.log`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    `default_login_user = ${loginUser}`,
    `default_internal_user = ${internalUser}`,
    `mail_location = maildir:${dir}/mail/%u`,
    `first_valid_uid = ${uid}`,
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN ${dir}/users\n}`,
    `userdb {\n  driver = static\n  args = uid=${uid} gid=${gid} home=${dir}/home/%u\n}`,
    `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    'service anvil {\n  chroot =\n}',
    'service imap-login {\n  chroot =\n}',
    'service stats {\n  unix_listener stats-writer {\n    mode = 0666\n  }\n}',
    '',
  ].join('\n');
  const confFile = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(confFile, conf);
  const child = spawn(DOVECOT, ['-F', '-c', confFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const log = () => {
    const file = path.join(dir, 'dovecot.log');
    return output + (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
  };
  try {
    await waitForPort(port, child, log);
  } catch (error) {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    url: (overrides = {}) =>
      `imap://${encodeURIComponent(user)}:${encodeURIComponent(overrides.password ?? password)}@127.0.0.1:${port}/${encodeURIComponent(overrides.mailbox ?? 'INBOX')}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

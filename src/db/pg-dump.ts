import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * PostgreSQL's client tools, `pg_dump` and `pg_restore`, run as child processes. They are
 * looked up on PATH, or in `GOVINFO_PG_BINDIR` when the server's own versioned directory
 * (e.g. /usr/lib/postgresql/15/bin) should be used.
 */

/** A tool that is missing or too old for the server, in words an administrator can act on. */
export class PgToolError extends Error {}

type Tool = 'pg_dump' | 'pg_restore';

function toolPath(tool: Tool, env: NodeJS.ProcessEnv = process.env): string {
  return env.GOVINFO_PG_BINDIR ? path.join(env.GOVINFO_PG_BINDIR, tool) : tool;
}

function run(tool: Tool, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(toolPath(tool), args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return reject(
          new PgToolError(
            `未找到 ${tool}（PostgreSQL 客户端工具）：请安装 postgresql-client（主版本不低于数据库服务器），或用 GOVINFO_PG_BINDIR 指明其目录`
          )
        );
      reject(new PgToolError(`${tool} 执行失败：${stderr.trim() || error.message}`));
    });
  });
}

/** The tool's major version (15 for "pg_dump (PostgreSQL) 15.20 …"). */
export async function pgToolMajor(tool: Tool): Promise<number> {
  const output = await run(tool, ['--version']);
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(output);
  if (!match) throw new PgToolError(`无法识别 ${tool} 的版本：${output.trim()}`);
  return Number(match[1]);
}

/** pg_dump refuses a server newer than itself; say so before it starts. */
export async function requireToolFor(tool: Tool, serverMajor: number): Promise<void> {
  const major = await pgToolMajor(tool);
  if (major < serverMajor)
    throw new PgToolError(
      `${tool} 的主版本 ${major} 低于数据库服务器的 ${serverMajor}：请安装 PostgreSQL ${serverMajor} 或更新的客户端工具`
    );
}

/** Dumps a database in the custom format (-Fc), reading the given exported snapshot. */
export async function pgDump(location: string, file: string, snapshot: string): Promise<void> {
  await run('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${location}`]);
}

/**
 * Restores a custom-format dump into an empty database, in one transaction: a dump that fails
 * half way leaves the target as empty as it was.
 */
export async function pgRestore(file: string, location: string): Promise<void> {
  await run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${location}`,
    file,
  ]);
}

/** Whether a file starts as a pg_dump custom-format archive does ("PGDMP"). */
export function looksLikePgDump(file: string): boolean {
  const magic = Buffer.from('PGDMP', 'latin1');
  const head = Buffer.alloc(magic.length);
  const fd = fs.openSync(file, 'r');
  try {
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(magic);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The deployment files of docs/deploy.md stay in step with the code: the unit starts the real
 * command with options it has, on loopback only; every setting the example names is one the code
 * reads; nginx replaces X-Forwarded-For and lets the largest upload through.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/shared/limits.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Every GOVINFO_* name read anywhere in src/. */
function variablesReadBySource(): Set<string> {
  const names = new Set<string>();
  for (const name of fs.readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.ts')) continue;
    for (const match of read(path.join('src', name)).matchAll(/GOVINFO_[A-Z_]+/g)) names.add(match[0]);
  }
  return names;
}

describe('deploy/', () => {
  it('govinfo@.service runs govinfo serve on 127.0.0.1 at the instance port, with the env file', () => {
    const unit = read('deploy/govinfo@.service');
    const execStart = unit.split('\n').find((line) => line.startsWith('ExecStart='));
    expect(execStart).toBe('ExecStart=/opt/govinfo/bin/govinfo serve --host 127.0.0.1 --port %i');
    const serve = read('src/cli/commands/serve.command.ts');
    expect(serve).toContain("'--host <host>'");
    expect(serve).toContain("'--port <port>'");
    expect(unit).toContain('EnvironmentFile=/etc/govinfo/govinfo.env');
    expect(unit).toMatch(/^ReadWritePaths=\/var\/lib\/govinfo$/m);
    expect(read('deploy/govinfo.env.example')).toMatch(/^GOVINFO_KEY_FILE=\/var\/lib\/govinfo\//m);
  });

  it('govinfo.env.example names only settings the code reads, and no secret', () => {
    const known = variablesReadBySource();
    const example = read('deploy/govinfo.env.example');
    const named = [...example.matchAll(/^#?(GOVINFO_[A-Z_]+)=/gm)].map((match) => match[1]);
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((name) => !known.has(name))).toEqual([]);
    expect(example).toMatch(/^GOVINFO_TRUST_PROXY=1$/m);
    for (const line of example.split('\n').filter((l) => /:\/\/[^@\s]*:[^@\s]*@/.test(l)))
      expect(line).toContain('CHANGE-ME');
  });

  it('nginx.conf replaces X-Forwarded-For and takes the largest upload (a ledger) with its framing', () => {
    const conf = read('deploy/nginx.conf');
    const directives = conf.split('\n').filter((line) => !line.trim().startsWith('#'));
    const forwardedFor = directives.filter((line) => /X-Forwarded-For/i.test(line));
    expect(forwardedFor.map((line) => line.trim())).toEqual(['proxy_set_header X-Forwarded-For $remote_addr;']);
    const size = /client_max_body_size (\d+)m;/.exec(directives.join('\n'));
    expect(size).not.toBeNull();
    const bytes = Number(size![1]) * 1024 * 1024;
    expect(bytes).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(bytes).toBeLessThan(MAX_IMPORT_BYTES * 1.2);
    expect(directives.join('\n')).toContain('ssl_protocols TLSv1.2 TLSv1.3;');
  });
});

// The real server as a child process (`govinfo serve` from dist/), started on a free port and
// killed without warning, as a power cut or the OOM killer would.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const GOVINFO = path.resolve(import.meta.dirname, '../../bin/govinfo');

/** A port no one listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `govinfo serve` on `location` and resolves once /api/ping answers.
 * Returns its address and `kill(signal)`, which resolves when the process has exited.
 */
export async function startServer(location, env) {
  const port = await freePort();
  const child = spawn(process.execPath, [GOVINFO, '--db', location, 'serve', '--port', String(port)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const address = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited on start: ${stderr}`);
    try {
      if ((await fetch(`${address}/api/ping`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer within 30 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    address,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

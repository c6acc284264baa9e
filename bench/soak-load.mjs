// The load of `npm run proof:soak`, in its own process so the server's memory and CPU are its own.
//
// Started by bench/soak.mjs with fork(); receives { address, seconds, connections, officers, editors }
// over IPC, where officers are { unit, officer, reviewer } cookie pairs and editors are cookies, and
// answers with { routes, errors, total } when the time is up. Each connection loops: it picks a
// request by weight, waits for the answer, and records its latency under the route's template.
// An officer's connection drafts, edits and sends its own items (its reviewer approves them), so
// no two connections write the same item; sent items go to a queue the editors accept from.
import http from 'node:http';

const TIMEOUT_MS = 10_000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1_000 });

/** Latencies (ms) by route template, and every answer that should not have happened. */
const latencies = new Map();
const errors = [];

function send(address, session, method, url, route, body) {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers = { cookie: session.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(payload.length);
  }
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(new URL(url, address), { method, headers, agent, timeout: TIMEOUT_MS }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const ms = performance.now() - started;
        if (!latencies.has(route)) latencies.set(route, []);
        latencies.get(route).push(ms);
        const text = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode >= 300) {
          errors.push({ route, status: response.statusCode, body: text.slice(0, 200) });
          return resolve(undefined);
        }
        const isJson = (response.headers['content-type'] ?? '').includes('json');
        resolve(isJson && text ? JSON.parse(text) : {});
      });
      response.on('error', (error) => {
        errors.push({ route, status: 'socket', body: error.message });
        resolve(undefined);
      });
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    request.on('error', (error) => {
      errors.push({ route, status: 'socket', body: error.message });
      resolve(undefined);
    });
    request.end(payload);
  });
}

/** Picks one of `[weight, action]` pairs. */
function pick(choices) {
  let roll = Math.random() * choices.reduce((sum, [weight]) => sum + weight, 0);
  for (const [weight, action] of choices) if ((roll -= weight) < 0) return action;
  return choices.at(-1)[1];
}

/** Today in China Standard Time, the calendar the server's date rules use. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const draft = (n) => ({
  title: `压测稿件 ${n}：镇街防汛工作进展`,
  body: `第 ${n} 篇压测稿件的正文，记录防汛防风工作的进展和做法。`.repeat(3),
  category: '本单位主要工作进展',
  reporter: '压测信息员',
  phone: '020-84731234',
  isPublic: true,
  isOutsideRemit: false,
  isMajor: false,
});

/** Items sent to the district and not yet accepted, shared by the editors' connections. */
const sentQueue = [];
let drafted = 0;

async function officerLoop(address, { officer, reviewer }, until) {
  const drafts = [];
  const sent = [];
  const get = (session, url, route) => send(address, session, 'GET', url, route);
  while (Date.now() < until) {
    const own = drafts.length ? drafts[Math.floor(Math.random() * drafts.length)] : undefined;
    const action = pick([
      [30, 'list'],
      [15, 'read'],
      [8, 'reference'],
      [20, 'draft'],
      [14, 'edit'],
      [13, 'send'],
    ]);
    if (action === 'list') await get(officer, '/api/items?page=1&pageSize=20', 'GET /api/items');
    else if (action === 'read' && (own ?? sent[0]))
      await get(officer, `/api/items/${own ?? sent[0]}`, 'GET /api/items/:id');
    else if (action === 'reference') {
      const [url, route] = pick([
        [1, ['/api/solicitations', 'GET /api/solicitations']],
        [1, ['/api/scores?year=2025', 'GET /api/scores']],
      ]);
      await get(officer, url, route);
    } else if (action === 'draft' || !own) {
      const created = await send(address, officer, 'POST', '/api/items', 'POST /api/items', draft(++drafted));
      if (created?.id) drafts.push(created.id);
    } else if (action === 'edit') {
      const item = await get(officer, `/api/items/${own}`, 'GET /api/items/:id');
      if (item)
        await send(address, officer, 'PUT', `/api/items/${own}`, 'PUT /api/items/:id', {
          ...draft(own),
          title: `压测稿件 ${own}（修改于 ${new Date().toISOString()}）`,
          version: item.version,
        });
    } else {
      // Sent: the officer submits, the unit's reviewer approves, and the item leaves the drafts.
      drafts.splice(drafts.indexOf(own), 1);
      let item = await get(officer, `/api/items/${own}`, 'GET /api/items/:id');
      if (!item) continue;
      await send(address, officer, 'POST', `/api/items/${own}/transitions`, 'POST /api/items/:id/transitions', {
        action: 'submit_for_review',
        version: item.version,
      });
      item = await get(reviewer, `/api/items/${own}`, 'GET /api/items/:id');
      if (!item) continue;
      const approved = await send(
        address,
        reviewer,
        'POST',
        `/api/items/${own}/transitions`,
        'POST /api/items/:id/transitions',
        { action: 'approve', version: item.version }
      );
      if (approved) {
        sent.push(own);
        sentQueue.push(own);
      }
    }
  }
}

async function editorLoop(address, editor, until) {
  const get = (url, route) => send(address, editor, 'GET', url, route);
  while (Date.now() < until) {
    const action = pick([
      [35, 'list'],
      [15, 'read'],
      [15, 'scores'],
      [10, 'reference'],
      [25, 'accept'],
    ]);
    const id = action === 'accept' || action === 'read' ? sentQueue.shift() : undefined;
    if (action === 'list')
      await get(
        pick([
          [2, '/api/items?page=1&pageSize=20'],
          [1, '/api/items?page=2&pageSize=20&sort=unit&order=asc'],
          [1, '/api/items?status=submitted&page=1&pageSize=20'],
        ]),
        'GET /api/items'
      );
    else if (action === 'scores') await get('/api/scores?year=2025', 'GET /api/scores');
    else if (action === 'reference') {
      const [url, route] = pick([
        [1, ['/api/registry', 'GET /api/registry']],
        [1, ['/api/units', 'GET /api/units']],
      ]);
      await get(url, route);
    } else if (id === undefined) await get('/api/items?page=1&pageSize=20', 'GET /api/items');
    else if (action === 'read') {
      await get(`/api/items/${id}`, 'GET /api/items/:id');
      sentQueue.push(id);
    } else {
      const item = await get(`/api/items/${id}`, 'GET /api/items/:id');
      if (item)
        await send(address, editor, 'POST', `/api/items/${id}/accept`, 'POST /api/items/:id/accept', {
          version: item.version,
          adoptions: [{ outlet: 'dynamic', date: today() }],
        });
    }
  }
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
}

process.once('message', async ({ address, seconds, connections, officers, editors, editorShare }) => {
  const until = Date.now() + seconds * 1000;
  const editorConnections = Math.round(connections * editorShare);
  const loops = Array.from({ length: connections }, (_, i) =>
    i < editorConnections
      ? editorLoop(address, editors[i % editors.length], until)
      : officerLoop(address, officers[i % officers.length], until)
  );
  await Promise.all(loops);
  agent.destroy();
  const routes = [...latencies]
    .map(([route, values]) => {
      const sorted = values.sort((a, b) => a - b);
      return {
        route,
        count: sorted.length,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted.at(-1),
      };
    })
    .sort((a, b) => b.count - a.count);
  process.send({ routes, errors, total: routes.reduce((sum, r) => sum + r.count, 0) }, () => process.exit(0));
});

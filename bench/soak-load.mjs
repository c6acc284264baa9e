// The load of `npm run proof:soak`, in its own process so the server's memory and CPU are its own.
//
// Started by bench/soak.mjs with fork(); receives { address, seconds, connections, officers, editors }
// over IPC, where officers are { unit, officer, reviewer } cookie pairs and editors are cookies, and
// answers with { routes, errors, total } when the time is up. Each connection loops: it picks a
// request by weight, waits for the answer, and records its latency under the route's template.
// An officer's connection drafts, edits and sends its own items (its reviewer approves them), so
// no two connections write the same item; sent items go to a queue the editors accept from.
import { createLoadClient, officerDesk, pick, today } from './load-client.mjs';

const client = createLoadClient();
const send = client.send;

/** Items sent to the district and not yet accepted, shared by the editors' connections. */
const sentQueue = [];
let drafted = 0;

async function officerLoop(address, people, until) {
  const { officer } = people;
  const desk = officerDesk(send, address, people, {
    nextNumber: () => ++drafted,
    onSent: (id) => sentQueue.push(id),
  });
  const { sent } = desk;
  const get = (session, url, route) => send(address, session, 'GET', url, route);
  while (Date.now() < until) {
    const own = desk.pick();
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
    } else await desk.work(action, own);
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

process.once('message', async ({ address, seconds, connections, officers, editors, editorShare }) => {
  const until = Date.now() + seconds * 1000;
  const editorConnections = Math.round(connections * editorShare);
  const loops = Array.from({ length: connections }, (_, i) =>
    i < editorConnections
      ? editorLoop(address, editors[i % editors.length], until)
      : officerLoop(address, officers[i % officers.length], until)
  );
  await Promise.all(loops);
  client.close();
  const { routes, errors, total } = client.report();
  process.send({ routes, errors, total }, () => process.exit(0));
});

// The load of `npm run bench:scale`, in its own process so the servers' CPU is their own.
//
// Started by bench/scale.mjs with fork(); receives { addresses, seconds, thinkMs, connections, editorShare,
// officers, editors, units, year } over IPC (officers are { unit, officer, reviewer } with signed-in
// sessions, editors are sessions, units are unit names for explain) and answers with the per-route
// report of bench/load-client.mjs plus the CPU this process used. Connection i talks to server
// i mod N, so the connections are spread evenly over the processes.
//
// The day's mix. Editors (the district): inbox pages (first page, a later page sorted by unit, the
// work queue of items sent and not yet received), full-text searches, item pages, 接收并采用 of
// the items officers send (a few editors may take the same item at once: the loser's stale version
// gets 409, counted apart, not as an error), the score board and a unit's explained bookings.
// Officers: their unit's list, item pages, drafts and edits, sending (submit, then their unit's
// reviewer approves), their score board and their own unit's explanation.
import { setTimeout as sleep } from 'node:timers/promises';
import { createLoadClient, officerDesk, pick, today } from './load-client.mjs';

const client = createLoadClient();
const send = client.send;

/** Words an editor searches the inbox for: topics of the generated ledger, two to four characters. */
const SEARCHES = ['防汛', '安全生产', '垃圾分类', '招商引资', '河涌', '食品安全', '政务公开', '春运'];

/** Items sent to the district and not yet accepted, shared by the editors' connections. */
const sentQueue = [];
let drafted = 0;

/**
 * A person pauses before each action (uniformly 0 to twice the mean think time, so connections do
 * not march in step); with no think time a connection sends its next request at once (saturation).
 * Answers whether there is time left for another action.
 */
async function thinkThenContinue(context) {
  if (context.thinkMs > 0) await sleep(Math.random() * 2 * context.thinkMs);
  return Date.now() < context.until;
}

async function officerLoop(address, people, context) {
  const { unit, officer } = people;
  const desk = officerDesk(send, address, people, {
    nextNumber: () => ++drafted,
    onSent: (id) => sentQueue.push(id),
  });
  const { sent } = desk;
  const get = (session, url, route) => send(address, session, 'GET', url, route);
  while (await thinkThenContinue(context)) {
    const own = desk.pick();
    const action = pick([
      [25, 'list'],
      [15, 'read'],
      [18, 'draft'],
      [12, 'edit'],
      [14, 'send'],
      [8, 'scores'],
      [8, 'explain'],
    ]);
    if (action === 'list') await get(officer, '/api/items?page=1&pageSize=20', 'GET /api/items');
    else if (action === 'read' && (own ?? sent.at(-1)))
      await get(officer, `/api/items/${own ?? sent.at(-1)}`, 'GET /api/items/:id');
    else if (action === 'scores') await get(officer, `/api/scores?year=${context.year}`, 'GET /api/scores');
    else if (action === 'explain')
      await get(
        officer,
        `/api/scores/explain?unit=${encodeURIComponent(unit)}&year=${context.year}`,
        'GET /api/scores/explain'
      );
    else await desk.work(action, own);
  }
}

async function editorLoop(address, editor, context) {
  const get = (url, route) => send(address, editor, 'GET', url, route);
  while (await thinkThenContinue(context)) {
    const action = pick([
      [30, 'inbox'],
      [14, 'search'],
      [14, 'read'],
      [20, 'accept'],
      [10, 'scores'],
      [12, 'explain'],
    ]);
    if (action === 'inbox')
      await get(
        pick([
          [3, '/api/items?page=1&pageSize=20'],
          [1, '/api/items?page=5&pageSize=20&sort=unit&order=asc'],
          [2, '/api/items?status=submitted&page=1&pageSize=20'],
        ]),
        'GET /api/items'
      );
    else if (action === 'search')
      await get(
        `/api/items?q=${encodeURIComponent(SEARCHES[Math.floor(Math.random() * SEARCHES.length)])}&page=1&pageSize=20`,
        'GET /api/items?q= (search)'
      );
    else if (action === 'scores') await get(`/api/scores?year=${context.year}`, 'GET /api/scores');
    else if (action === 'explain') {
      const unit = context.units[Math.floor(Math.random() * context.units.length)];
      await get(`/api/scores/explain?unit=${encodeURIComponent(unit)}&year=${context.year}`, 'GET /api/scores/explain');
    } else if (action === 'read') {
      // An item of the ledger's year or one just sent.
      const id =
        sentQueue.length && Math.random() < 0.5
          ? sentQueue[0]
          : context.itemIds[Math.floor(Math.random() * context.itemIds.length)];
      await get(`/api/items/${id}`, 'GET /api/items/:id');
    } else if (sentQueue.length === 0) await get('/api/items?status=submitted&page=1&pageSize=20', 'GET /api/items');
    else {
      // One of the three oldest sent items: now and then two editors take the same one at once.
      const id = sentQueue[Math.floor(Math.random() * Math.min(3, sentQueue.length))];
      const item = await get(`/api/items/${id}`, 'GET /api/items/:id');
      if (item && (item.status === 'submitted' || item.status === 'received'))
        await send(
          address,
          editor,
          'POST',
          `/api/items/${id}/accept`,
          'POST /api/items/:id/accept',
          { version: item.version, adoptions: [{ outlet: 'dynamic', date: today() }] },
          [409]
        );
      const at = sentQueue.indexOf(id);
      if (at >= 0) sentQueue.splice(at, 1);
    }
  }
}

process.once(
  'message',
  async ({ addresses, seconds, thinkMs, connections, editorShare, officers, editors, units, year, itemIds }) => {
    const cpuBefore = process.cpuUsage();
    const shared = { until: Date.now() + seconds * 1000, units, year, itemIds, thinkMs };
    const editorConnections = Math.round(connections * editorShare);
    const loops = Array.from({ length: connections }, (_, i) => {
      const address = addresses[i % addresses.length];
      return i < editorConnections
        ? editorLoop(address, editors[i % editors.length], shared)
        : officerLoop(address, officers[(i - editorConnections) % officers.length], shared);
    });
    await Promise.all(loops);
    client.close();
    const cpu = process.cpuUsage(cpuBefore);
    process.send({ ...client.report(), cpuSeconds: (cpu.user + cpu.system) / 1e6 }, () => process.exit(0));
  }
);

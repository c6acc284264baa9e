// The HTTP client of the load processes (bench/soak-load.mjs, bench/scale-load.mjs): keep-alive
// requests with a session's cookie and CSRF token, every latency recorded under its route template,
// and the helpers both mixes use (a weighted pick, a draft's fields, percentiles).
import http from 'node:http';

const TIMEOUT_MS = 10_000;

/**
 * A recorder of every answer: latencies (ms) by route, answers that should not have happened
 * (`errors`: a non-2xx status not expected for the route, a socket error or a timeout), and the
 * expected refusals by route and status (e.g. 409 when two editors adopt the same item at once).
 */
export function createLoadClient() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1_000 });
  const latencies = new Map();
  const expected = new Map();
  const errors = [];
  const record = (route, ms) => {
    if (!latencies.has(route)) latencies.set(route, []);
    latencies.get(route).push(ms);
  };

  /**
   * Sends one request and resolves to the parsed JSON answer, `{}` for a 2xx without JSON, or
   * undefined when refused or failed. `expect` lists statuses that are part of the mix, not errors.
   */
  function send(address, session, method, url, route, body, expect = []) {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = { cookie: session.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    const started = performance.now();
    return new Promise((resolve) => {
      const fail = (error) => {
        record(route, performance.now() - started);
        errors.push({ route, status: 'socket', body: error.message });
        resolve(undefined);
      };
      const request = http.request(
        new URL(url, address),
        { method, headers, agent, timeout: TIMEOUT_MS },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => {
            record(route, performance.now() - started);
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode;
            if (status >= 300) {
              if (expect.includes(status)) {
                const key = `${route} ${status}`;
                expected.set(key, (expected.get(key) ?? 0) + 1);
              } else errors.push({ route, status, body: text.slice(0, 200) });
              return resolve(undefined);
            }
            const isJson = (response.headers['content-type'] ?? '').includes('json');
            resolve(isJson && text ? JSON.parse(text) : {});
          });
          response.on('error', fail);
        }
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
      request.on('error', fail);
      request.end(payload);
    });
  }

  /** Per route: count and latency percentiles (ms), busiest first. */
  function report() {
    const routes = [...latencies]
      .map(([route, values]) => {
        const sorted = values.sort((a, b) => a - b);
        return {
          route,
          count: sorted.length,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          max: sorted.at(-1),
          errors: errors.filter((e) => e.route === route).length,
        };
      })
      .sort((a, b) => b.count - a.count);
    return {
      routes,
      errors,
      expected: Object.fromEntries(expected),
      total: routes.reduce((sum, r) => sum + r.count, 0),
    };
  }

  return { send, report, close: () => agent.destroy() };
}

/** The p-th percentile of ascending values (nearest rank). */
export function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
}

/** Picks one of `[weight, action]` pairs. */
export function pick(choices) {
  let roll = Math.random() * choices.reduce((sum, [weight]) => sum + weight, 0);
  for (const [weight, action] of choices) if ((roll -= weight) < 0) return action;
  return choices.at(-1)[1];
}

/** Today in China Standard Time, the calendar the server's date rules use. */
export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The fields of an officer's draft number `n`. */
export const draft = (n) => ({
  title: `压测稿件 ${n}：镇街防汛工作进展`,
  body: `第 ${n} 篇压测稿件的正文，记录防汛防风工作的进展和做法。`.repeat(3),
  category: '本单位主要工作进展',
  reporter: '压测信息员',
  phone: '020-84731234',
  isPublic: true,
  isOutsideRemit: false,
  isMajor: false,
});

/**
 * An officer's desk, the same in the soak and the province-scale load: the unit's own drafts and
 * what it has sent. `work` writes one of them — a new draft (`draft`, or when there is none yet),
 * an edit at the version just read (`edit`), or sending it (any other action: submit, then the
 * unit's reviewer approves; `onSent` hears of each item that reached the district). Every
 * connection writes only its own drafts, so no two write the same item.
 */
export const officerDesk = (send, address, { officer, reviewer }, { nextNumber, onSent }) => {
  const drafts = [];
  const sent = [];
  const get = (session, id) => send(address, session, 'GET', `/api/items/${id}`, 'GET /api/items/:id');
  const transition = (session, id, action, version) =>
    send(address, session, 'POST', `/api/items/${id}/transitions`, 'POST /api/items/:id/transitions', {
      action,
      version,
    });
  return {
    sent,
    /** One of the drafts, at random, or undefined when there is none. */
    pick: () => (drafts.length ? drafts[Math.floor(Math.random() * drafts.length)] : undefined),
    async work(action, own) {
      if (action === 'draft' || own === undefined) {
        const created = await send(address, officer, 'POST', '/api/items', 'POST /api/items', draft(nextNumber()));
        if (created?.id) drafts.push(created.id);
      } else if (action === 'edit') {
        const item = await get(officer, own);
        if (item)
          await send(address, officer, 'PUT', `/api/items/${own}`, 'PUT /api/items/:id', {
            ...draft(own),
            title: `压测稿件 ${own}（修改于 ${new Date().toISOString()}）`,
            version: item.version,
          });
      } else {
        drafts.splice(drafts.indexOf(own), 1);
        const mine = await get(officer, own);
        if (!mine) return;
        await transition(officer, own, 'submit_for_review', mine.version);
        const reviewed = await get(reviewer, own);
        if (reviewed && (await transition(reviewer, own, 'approve', reviewed.version))) {
          sent.push(own);
          onSent(own);
        }
      }
    },
  };
};

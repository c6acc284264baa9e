/** Background jobs run once across processes: the lease rules, on both engines. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Store } from '../../src/db/connect.js';
import { findLease, finishLease, renewLease, tryAcquireLease } from '../../src/db/repositories/job-lease.repository.js';
import { insertSession } from '../../src/db/repositories/session.repository.js';
import { countHit } from '../../src/db/repositories/rate-limit.repository.js';
import { cleanUpSessions } from '../../src/services/auth/clean-up-sessions.js';
import { runExclusively } from '../../src/services/jobs/run-exclusively.js';
import { buildUser } from '../factories/user.factory.js';
import { createTestStore, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

const T0 = Date.parse('2026-11-29T03:00:00Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const terms = (name: string, holder: string, atMs: number, leaseMs = 1000) => ({
  name,
  holder,
  at: at(atMs),
  expiresAt: at(atMs + leaseMs),
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!isDialectAvailable)('job leases', () => {
  let store: Store;
  let database: TestDatabase;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, database, cleanup } = await createTestStore());
  });
  afterAll(async () => cleanup?.());

  it('gives a free lease to one holder and refuses another until it expires', async () => {
    const db = store.db;
    expect(await tryAcquireLease(db, terms('rules', 'A', 0))).toBe(true);
    expect(await tryAcquireLease(db, terms('rules', 'B', 10))).toBe(false);
    // The same holder takes it again and keeps the time it first took it.
    expect(await tryAcquireLease(db, terms('rules', 'A', 500))).toBe(true);
    expect(await findLease(db, 'rules')).toMatchObject({ holder: 'A', acquired_at: at(0), expires_at: at(1500) });
    expect(await tryAcquireLease(db, terms('rules', 'B', 1499))).toBe(false);
    // Expired (its holder died): another takes over.
    expect(await tryAcquireLease(db, terms('rules', 'B', 1500))).toBe(true);
    expect(await findLease(db, 'rules')).toMatchObject({ holder: 'B', acquired_at: at(1500) });
    // The old holder cannot renew or finish what it lost.
    expect(await renewLease(db, terms('rules', 'A', 1600))).toBe(false);
    await finishLease(db, terms('rules', 'A', 1600, 0));
    expect(await findLease(db, 'rules')).toMatchObject({ holder: 'B', runs: 0, expires_at: at(2500) });
    // The holder renews: another is refused past the first expiry.
    expect(await renewLease(db, terms('rules', 'B', 2000))).toBe(true);
    expect(await tryAcquireLease(db, terms('rules', 'A', 2600))).toBe(false);
    // Finished and given up: free at once, the run counted.
    await finishLease(db, terms('rules', 'B', 2700, 0));
    expect(await findLease(db, 'rules')).toMatchObject({ runs: 1, last_finished_at: at(2700) });
    expect(await tryAcquireLease(db, terms('rules', 'A', 2700))).toBe(true);
  });

  it('runs a job in one holder at a time, renewing while it runs, releasing when it ends or fails', async () => {
    const db = store.db;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const long = runExclusively(db, { name: 'long', holder: 'A', leaseMs: 150 }, async () => {
      await gate;
      return 'done';
    });
    await sleep(50);
    // Five lease times later the holder still has it: it renews while the job runs.
    for (let i = 0; i < 10; i++) {
      expect(await runExclusively(db, { name: 'long', holder: 'B', leaseMs: 150 }, async () => 'B')).toEqual({
        status: 'skipped',
      });
      await sleep(75);
    }
    release();
    expect(await long).toEqual({ status: 'ran', value: 'done' });
    expect(await runExclusively(db, { name: 'long', holder: 'B' }, async () => 'B')).toEqual({
      status: 'ran',
      value: 'B',
    });
    // A failing job gives the lease up too.
    await expect(
      runExclusively(db, { name: 'long', holder: 'A' }, async () => {
        throw new Error('boom');
      })
    ).rejects.toThrow('boom');
    expect(await runExclusively(db, { name: 'long', holder: 'C' }, async () => 1)).toEqual({ status: 'ran', value: 1 });
    expect((await findLease(db, 'long'))?.runs).toBe(4);
  });

  it('keeps a periodic job for its period: the holder may run it again, others not until it ends', async () => {
    const db = store.db;
    const job = (holder: string) =>
      runExclusively(db, { name: 'period', holder, holdAfterMs: 300 }, async () => holder);
    expect(await job('A')).toEqual({ status: 'ran', value: 'A' });
    expect(await job('B')).toEqual({ status: 'skipped' });
    expect(await job('A')).toEqual({ status: 'ran', value: 'A' });
    await sleep(350);
    expect(await job('B')).toEqual({ status: 'ran', value: 'B' });
  });

  it('gives the lease to exactly one of four processes asking at once', async () => {
    // Four connections (pools) of their own, as four server processes have.
    const stores = Array.from({ length: 4 }, () => connect(database.location));
    try {
      for (let round = 0; round < 20; round++) {
        const won = await Promise.all(
          stores.map((s, i) => tryAcquireLease(s.db, terms(`race-${round}`, `P${i}`, 0, 60_000)))
        );
        expect(won.filter(Boolean)).toHaveLength(1);
        const winner = won.indexOf(true);
        expect((await findLease(store.db, `race-${round}`))?.holder).toBe(`P${winner}`);
      }
      // And of four running a job at once, one runs it.
      let runs = 0;
      const outcomes = await Promise.all(
        stores.map((s, i) =>
          runExclusively(s.db, { name: 'race-job', holder: `P${i}` }, async () => {
            runs++;
            await sleep(100);
          })
        )
      );
      expect(outcomes.filter((o) => o.status === 'ran')).toHaveLength(1);
      expect(runs).toBe(1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('cleans up sessions past the longest session limit, and stale rate-limit counters', async () => {
    const db = store.db;
    const user = await buildUser(db, 'editor');
    const now = new Date('2026-11-29T03:00:00Z');
    const session = (id: string, created: string, ended: string | null = null) => ({
      id,
      user_id: user.id,
      csrf_token: `csrf-${id}`,
      created_at: created,
      last_seen_at: created,
      ip: '127.0.0.1',
      user_agent: null,
      ended_at: ended,
    });
    await insertSession(db, session('open-now', '2026-11-29T02:00:00.000Z'));
    await insertSession(db, session('ended-now', '2026-11-29T01:00:00.000Z', '2026-11-29T02:00:00.000Z'));
    await insertSession(db, session('two-days-old', '2026-11-27T02:00:00.000Z'));
    await insertSession(db, session('ended-long-ago', '2026-11-27T01:00:00.000Z', '2026-11-27T02:00:00.000Z'));
    await countHit(db, 'login:old', now.getTime() - 2 * 3_600_000);
    await countHit(db, 'login:now', now.getTime() - 60_000);

    expect(await cleanUpSessions(db, now)).toEqual({ sessions: 2, rateLimits: 1 });
    const left = await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).orderBy('id').execute();
    expect(left.map((s) => s.id)).toEqual(['ended-now', 'open-now']);
    const counters = await db.selectFrom('rate_limits').select('key').where('key', 'like', 'login:%').execute();
    expect(counters.map((c) => c.key)).toEqual(['login:now']);
    expect(await cleanUpSessions(db, now)).toEqual({ sessions: 0, rateLimits: 0 });
  });
});

/**
 * Issue 10, finding 7: anonymous denied requests flooded the audit log without limit. 500 of
 * them now add a bounded number of entries (the first ones, then summaries with the count), and
 * the chain still verifies.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/services/audit/verify-audit.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

describe.skipIf(!isDialectAvailable)('API: anonymous denied requests cannot flood the audit log', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t?.cleanup());

  const deniedEntries = async () =>
    t.store.db.selectFrom('audit_log').select(['ip', 'after']).where('outcome', '=', 'denied').orderBy('id').execute();

  /** `count` anonymous requests to a signed-in route, `batch` at a time, each from the address `addressOf(i)` gives. */
  async function flood(count: number, addressOf: (i: number) => string, batch = 50): Promise<void> {
    for (let start = 0; start < count; start += batch) {
      const answers = await Promise.all(
        Array.from({ length: Math.min(batch, count - start) }, (_, j) =>
          t.app.inject({ method: 'GET', url: '/api/items', remoteAddress: addressOf(start + j) })
        )
      );
      expect(answers.every((a) => a.statusCode === 401)).toBe(true);
    }
  }

  it('records 500 denials from one address as 10 entries and at most 7 summaries, and the chain verifies', async () => {
    const before = (await deniedEntries()).length;
    await flood(500, () => '203.0.113.7');
    const entries = (await deniedEntries()).slice(before);
    const summaries = entries.flatMap((e) => {
      const after = JSON.parse(e.after!) as { summary?: { fromAddress: number; fromAll: number } };
      return after.summary ? [after.summary] : [];
    });
    expect(entries.length - summaries.length).toBe(10);
    // A summary each time this address's count doubles from 10, and everyone's from 100 (the two
    // counters are separate writes, so under parallel requests one summary may stand for both).
    expect(summaries.map((s) => s.fromAddress)).toEqual(expect.arrayContaining([20, 40, 80, 160, 320]));
    expect(summaries.map((s) => s.fromAll)).toEqual(expect.arrayContaining([200, 400]));
    expect(summaries.length).toBeLessThanOrEqual(7);
    expect(await verifyAudit(t.store.db)).toMatchObject({ ok: true });
  });

  it('bounds a flood from many addresses too: 500 addresses, one request each', async () => {
    const before = (await deniedEntries()).length;
    await flood(500, (i) => `198.51.${Math.floor(i / 250)}.${i % 250}`);
    const entries = (await deniedEntries()).slice(before);
    // 100 single entries, then summaries at 200 and 400 requests in all.
    expect(entries).toHaveLength(102);
    expect(await verifyAudit(t.store.db)).toMatchObject({ ok: true });
  });

  it('keeps recording the next minute', async () => {
    await flood(30, () => '203.0.113.8');
    const before = (await deniedEntries()).length;
    t.clock.advance(60_000);
    await flood(1, () => '203.0.113.8');
    expect((await deniedEntries()).length).toBe(before + 1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connect.js';
import { findUserById } from '../../src/db/repositories/user.repository.js';
import { listUnits } from '../../src/db/repositories/unit.repository.js';
import { generateDemoLedger } from '../../src/services/generate-demo.js';
import { importLedger } from '../../src/services/import-ledger.js';
import { actingUser } from '../../src/services/acting-user.js';
import { findSimilarForItems } from '../../src/services/items/similar-items.js';
import { buildUser } from '../factories/user.factory.js';
import { createTestStore, isDialectAvailable } from '../helpers/test-store.js';

/**
 * 疑似重复 calibrated on the demo year (`govinfo demo --year 2024`, seed 2010): the badge is rare
 * enough to be read (under 5% of rows), and every body sent by two units is caught.
 */
describe.skipIf(!isDialectAvailable)('duplicate warnings on a demo year', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let flagged: Record<string, { id: number; reason: string }[]>;
  let items: { id: number; unit_id: number; body: string | null }[];

  beforeAll(async () => {
    ({ store, cleanup } = await createTestStore());
    const units = await listUnits(store.db);
    const records = generateDemoLedger({
      year: 2024,
      seed: 2010,
      units: units.map((u) => ({ name: u.name, series: u.series_code })),
      withText: true,
    });
    expect(
      (
        await importLedger(
          store.db,
          records.map((fields, i) => ({ fields, file: 'demo', line: i + 1 }))
        )
      ).ok
    ).toBe(true);
    const editor = actingUser((await findUserById(store.db, (await buildUser(store.db, 'editor')).id))!, '127.0.0.1');
    items = await store.db.selectFrom('items').select(['id', 'unit_id', 'body']).orderBy('id').execute();
    flagged = {};
    // As the inbox asks: a page of 100 at a time.
    for (let i = 0; i < items.length; i += 100)
      Object.assign(
        flagged,
        await findSimilarForItems(
          store.db,
          editor,
          items.slice(i, i + 100).map((r) => r.id)
        )
      );
  }, 120_000);
  afterAll(async () => cleanup?.());

  it("flags fewer than 5% of the year's items", () => {
    const share = Object.keys(flagged).length / items.length;
    expect(items.length).toBeGreaterThan(1_000);
    // 68 of 1,482 (4.6%) on 2026-11-28: one unit's reports on one topic within 30 days, and the copied bodies.
    expect(share).toBeLessThan(0.05);
  });

  it('flags every pair of items from two units with the same body, for its body', () => {
    const byBody = new Map<string, typeof items>();
    for (const item of items) if (item.body) byBody.set(item.body, [...(byBody.get(item.body) ?? []), item]);
    const copies = [...byBody.values()].filter((group) => new Set(group.map((g) => g.unit_id)).size > 1);
    expect(copies.length).toBeGreaterThan(0);
    for (const [a, b] of copies) {
      expect(flagged[String(a.id)]?.find((m) => m.id === b.id)?.reason).toBe('body');
      expect(flagged[String(b.id)]?.find((m) => m.id === a.id)?.reason).toBe('body');
    }
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connect.js';
import type { RawRecord } from '../../src/files/read-ledger-file.js';
import { computeScores } from '../../src/services/compute-scores.js';
import { explainUnit } from '../../src/services/explain-unit.js';
import { importLedger } from '../../src/services/import-ledger.js';
import { snapshotStore } from '../helpers/snapshot.js';
import { createTestStore, isDialectAvailable } from '../helpers/test-store.js';

const UNITS = ['沙湾镇', '石基镇', '区审计局', '区妇联'];
const dateArb = fc
  .date({ min: new Date('2010-04-07T00:00:00Z'), max: new Date('2012-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Random but valid ledgers: items and every record type that refers to them. */
const ledgerArb = fc.record({
  items: fc.array(fc.record({ unit: fc.constantFrom(...UNITS), submitted: dateArb }), { minLength: 1, maxLength: 8 }),
  adoptions: fc.array(
    fc.record({
      item: fc.nat(7),
      outlet: fc.constantFrom('portal', 'dynamic', 'report'),
      kind: fc.constantFrom('research', 'headline', 'brief'),
      date: dateArb,
    }),
    { maxLength: 12 }
  ),
  instructions: fc.array(
    fc.record({ item: fc.nat(7), level: fc.constantFrom('district', 'city', 'province'), date: dateArb }),
    { maxLength: 6 }
  ),
  upwards: fc.array(fc.record({ item: fc.nat(7), level: fc.constantFrom('city', 'province'), date: dateArb }), {
    maxLength: 6,
  }),
  solicitations: fc.array(
    fc.record({ deadline: dateArb, units: fc.option(fc.subarray(UNITS, { minLength: 1 }), { nil: undefined }) }),
    { maxLength: 3 }
  ),
  responses: fc.array(fc.record({ solicitation: fc.nat(2), item: fc.nat(7) }), { maxLength: 5 }),
  penalties: fc.array(
    fc.record({
      unit: fc.constantFrom(...UNITS),
      reason: fc.constantFrom('late_solicitation', 'criticism'),
      date: dateArb,
    }),
    { maxLength: 3 }
  ),
});

/** Each run gets ids of its own: fast-check replays values while shrinking, and a reused id with other fields is (rightly) a conflict. */
let runs = 0;

function toRecords(
  prefix: string,
  l: {
    items: { unit: string; submitted: string }[];
    adoptions: { item: number; outlet: string; kind: string; date: string }[];
    instructions: { item: number; level: string; date: string }[];
    upwards: { item: number; level: string; date: string }[];
    solicitations: { deadline: string; units?: string[] }[];
    responses: { solicitation: number; item: number }[];
    penalties: { unit: string; reason: string; date: string }[];
  }
): RawRecord[] {
  const records: Record<string, unknown>[] = [];
  const itemId = (i: number) => `${prefix}-I${i % l.items.length}`;
  l.items.forEach((it, i) => records.push({ type: 'item', id: `${prefix}-I${i}`, title: 't', ...it }));
  l.adoptions.forEach((a, i) =>
    records.push({
      type: 'adoption',
      id: `${prefix}-A${i}`,
      ...a,
      item: itemId(a.item),
      kind: a.outlet === 'report' ? a.kind : undefined,
    })
  );
  l.instructions.forEach((n, i) =>
    records.push({ type: 'instruction', id: `${prefix}-N${i}`, ...n, item: itemId(n.item) })
  );
  l.upwards.forEach((u, i) => records.push({ type: 'upward', id: `${prefix}-U${i}`, ...u, item: itemId(u.item) }));
  l.solicitations.forEach((s, i) =>
    records.push({ type: 'solicitation', id: `${prefix}-S${i}`, issuer: 'district', title: 't', ...s })
  );
  if (l.solicitations.length > 0) {
    l.responses.forEach((r, i) => {
      const solicitation = l.solicitations[r.solicitation % l.solicitations.length];
      const item = l.items[r.item % l.items.length];
      // Only targeted units may answer; others would (rightly) be refused.
      if (!solicitation.units || solicitation.units.includes(item.unit)) {
        records.push({
          type: 'response',
          id: `${prefix}-R${i}`,
          solicitation: `${prefix}-S${r.solicitation % l.solicitations.length}`,
          item: itemId(r.item),
        });
      }
    });
  }
  l.penalties.forEach((p, i) => records.push({ type: 'penalty', id: `${prefix}-P${i}`, ...p }));
  return records.map((fields, i) => ({ fields, file: 'gen', line: i + 1 }));
}

describe.skipIf(!isDialectAvailable)('ledger properties on a real database', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ store, cleanup } = await createTestStore()));
  afterAll(async () => cleanup?.());

  it('bookings always sum to the reported points, and importing a file twice changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(ledgerArb, async (ledger) => {
        const records = toRecords(`p${++runs}`, ledger);
        const first = await importLedger(store.db, records);
        expect(first.ok, JSON.stringify(first)).toBe(true);
        const afterFirst = await snapshotStore(store);

        const second = await importLedger(store.db, records);
        expect(second).toMatchObject({ ok: true, stored: { item: 0, adoption: 0, penalty: 0 } });
        expect(await snapshotStore(store)).toEqual(afterFirst);

        for (const year of [2010, 2011, 2012]) {
          const scores = await computeScores(store.db, { year });
          for (const unit of scores.units.filter((u) => UNITS.includes(u.unit))) {
            const explanation = await explainUnit(store.db, { unit: unit.unit, year });
            expect(explanation.bookings.reduce((sum, b) => sum + b.points, 0)).toBe(unit.annual.points);
            expect(explanation.quarters.map((q) => q.points)).toEqual(unit.quarters.map((q) => q.points));
          }
        }
      }),
      { numRuns: 15 }
    );
  });
});

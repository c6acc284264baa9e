import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connect.js';
import { BULK_ROWS } from '../../src/db/repositories/bulk.js';
import { findStoredRecords } from '../../src/db/repositories/ledger.repository.js';
import type { RawRecord } from '../../src/files/read-ledger-file.js';
import { computeScores } from '../../src/services/compute-scores.js';
import { importLedger } from '../../src/services/import-ledger.js';
import { snapshotStore } from '../helpers/snapshot.js';
import { createTestStore, dialect, isDialectAvailable } from '../helpers/test-store.js';

/**
 * A load large enough that PostgreSQL streams it with COPY (and stages its lookups), with text
 * that COPY's format has to escape: what is read back is exactly what the file held, on both engines.
 */
const COUNT = BULK_ROWS + 200;
const AWKWARD = [
  'tab\there',
  'line\nbreak',
  'return\rhere',
  'back\\slash',
  '\\N',
  '\\\\N',
  'ends with a backslash\\',
  '（政务信息）沙湾镇 😀 𠀋',
  'NULL',
  '"quoted", comma; semicolon',
];
const UNITS = ['沙湾镇', '石基镇', '区审计局', '区妇联'];

function ledger(prefix: string): RawRecord[] {
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < COUNT; i++) {
    const awkward = AWKWARD[i % AWKWARD.length];
    records.push({
      type: 'item',
      id: `${prefix}-I${i}`,
      unit: UNITS[i % UNITS.length],
      title: `稿件 ${i} ${awkward}`,
      submitted: `2011-0${1 + (i % 9)}-1${i % 10}`,
      body: i % 3 === 0 ? undefined : `正文 ${awkward} ${i}`,
    });
    records.push({
      type: 'adoption',
      id: `${prefix}-A${i}`,
      item: `${prefix}-I${i}`,
      outlet: 'dynamic',
      date: `2011-1${i % 3}-2${i % 8}`,
      issue: i % 2 === 0 ? `2011年第${i}期 ${awkward}` : undefined,
    });
    records.push({
      type: 'penalty',
      id: `${prefix}-P${i}`,
      unit: UNITS[(i + 1) % UNITS.length],
      reason: 'criticism',
      date: `2011-0${1 + (i % 9)}-0${1 + (i % 9)}`,
      note: i % 4 === 0 ? undefined : `备注 ${awkward}`,
    });
  }
  return records.map((fields, i) => ({ fields, file: 'big.jsonl', line: i + 1 }));
}

describe.skipIf(!isDialectAvailable)(`a bulk import of awkward text (${dialect})`, () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ store, cleanup } = await createTestStore()));
  afterAll(async () => cleanup?.());

  it('stores every field exactly as the file had it, repeats as a no-op and refuses a changed record by its line', async () => {
    const records = ledger('bulk');
    const outcome = await importLedger(store.db, records);
    expect(outcome).toMatchObject({ ok: true, stored: { item: COUNT, adoption: COUNT, penalty: COUNT } });

    for (const type of ['item', 'adoption', 'penalty'] as const) {
      const written = records.filter((r) => r.fields.type === type);
      const stored = new Map(
        (
          await findStoredRecords(
            store.db,
            type,
            written.map((r) => r.fields.id as string)
          )
        ).map((r) => [r.id, r.fields])
      );
      expect(stored.size).toBe(COUNT);
      for (const { fields } of written) {
        const back = stored.get(fields.id as string)!;
        for (const [name, value] of Object.entries(fields)) {
          if (name === 'type' || name === 'id') continue;
          expect(back[name], `${type} ${String(fields.id)} ${name}`).toBe(value ?? null);
        }
        // A field the file left out is stored as absent, never as the text "\N" or "".
        for (const name of ['body', 'issue', 'note'])
          if (name in back && fields[name] === undefined) expect(back[name]).toBeNull();
      }
    }
    const before = await snapshotStore(store);
    const points = (await computeScores(store.db, { year: 2011 })).units.map((u) => [u.unit, u.annual.points]);

    // Every record is already stored: the staged lookup finds them all and nothing changes.
    const repeat = await importLedger(store.db, records);
    expect(repeat).toMatchObject({ ok: true, stored: { item: 0, adoption: 0, penalty: 0 }, skipped: { item: COUNT } });
    expect(await snapshotStore(store)).toEqual(before);

    // One changed title among the thousands is refused by its line, and the rest is not stored either.
    const changed = ledger('bulk').concat(ledger('more'));
    const line = 3 * 700 + 1;
    changed[line - 1] = { ...changed[line - 1], fields: { ...changed[line - 1].fields, title: '改过的标题' } };
    const refused = await importLedger(store.db, changed);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems).toEqual([
      expect.stringMatching(
        new RegExp(`^big\\.jsonl:${line}: item bulk-I700 与数据库中已存储的同编号记录不一致（title`)
      ),
    ]);
    expect(await snapshotStore(store)).toEqual(before);
    expect((await computeScores(store.db, { year: 2011 })).units.map((u) => [u.unit, u.annual.points])).toEqual(points);
  });

  it('gives items loaded in bulk ids in file order, and later writes ids after them', async () => {
    const outcome = await importLedger(store.db, ledger('order'));
    expect(outcome.ok).toBe(true);
    const rows = await store.db
      .selectFrom('items')
      .select(['id', 'ref'])
      .where('ref', 'like', 'order-I%')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.ref)).toEqual(Array.from({ length: COUNT }, (_, i) => `order-I${i}`));

    // A small import (one statement, not COPY) continues the same sequence without a clash.
    const small = await importLedger(store.db, [
      {
        fields: { type: 'item', id: 'after-1', unit: '沙湾镇', title: '之后', submitted: '2011-12-01' },
        file: 'a',
        line: 1,
      },
    ]);
    expect(small.ok).toBe(true);
    const after = await store.db
      .selectFrom('items')
      .select('id')
      .where('ref', '=', 'after-1')
      .executeTakeFirstOrThrow();
    expect(after.id).toBeGreaterThan(rows[rows.length - 1].id);
  });
});

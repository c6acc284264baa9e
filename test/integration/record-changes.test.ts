import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connect.js';
import { findUserById } from '../../src/db/repositories/user.repository.js';
import { computeScores } from '../../src/services/compute-scores.js';
import { importLedger } from '../../src/services/import-ledger.js';
import { correctItemAdoption, undoItemAdoption } from '../../src/services/items/editorial-records.js';
import { actingUser, type ActingUser } from '../../src/services/acting-user.js';
import { ServiceError } from '../../src/services/service-error.js';
import { buildUser } from '../factories/user.factory.js';
import { snapshotStore } from '../helpers/snapshot.js';
import { createTestStore, isDialectAvailable } from '../helpers/test-store.js';

const LEDGER = [
  { type: 'item', id: 'I-1', unit: '沙湾镇', title: 't', submitted: '2011-01-05' },
  { type: 'adoption', id: 'A-1', item: 'I-1', outlet: 'report', kind: 'research', date: '2011-01-07' },
  { type: 'adoption', id: 'A-2', item: 'I-1', outlet: 'report', kind: 'brief', date: '2011-04-07' },
  { type: 'instruction', id: 'N-1', item: 'I-1', level: 'district', date: '2011-01-10' },
  { type: 'upward', id: 'U-1', item: 'I-1', level: 'city', date: '2011-02-01' },
].map((fields, i) => ({ fields, file: 't', line: i + 1 }));

describe.skipIf(!isDialectAvailable)('bookings follow changed records', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let editor: ActingUser;
  let itemId: number;
  const now = new Date('2026-03-20T01:00:00Z');
  const quarters = async () =>
    (await computeScores(store.db, { year: 2011 })).units
      .find((u) => u.unit === '沙湾镇')!
      .quarters.map((q) => q.points);
  const adoptionId = async (ref: string) =>
    (await store.db.selectFrom('adoptions').select('id').where('ref', '=', ref).executeTakeFirstOrThrow()).id;

  beforeEach(async () => {
    ({ store, cleanup } = await createTestStore());
    expect((await importLedger(store.db, LEDGER)).ok).toBe(true);
    editor = actingUser((await findUserById(store.db, (await buildUser(store.db, 'editor')).id))!, '127.0.0.1');
    itemId = (await store.db.selectFrom('items').select('id').where('ref', '=', 'I-1').executeTakeFirstOrThrow()).id;
  });
  afterEach(async () => cleanup?.());

  it('starts from the earliest report adoption: 8 + 5 + 8 in Q1', async () => {
    expect(await quarters()).toEqual([21, 0, 0, 0]);
  });

  it('a deleted adoption takes its points away, and the next adoption of the outlet counts', async () => {
    await undoItemAdoption(store.db, editor, itemId, await adoptionId('A-1'), now);
    // The brief adoption in April now counts (2); the instruction and city bonus move to its date.
    expect(await quarters()).toEqual([0, 2 + 5 + 2, 0, 0]);
    await undoItemAdoption(store.db, editor, itemId, await adoptionId('A-2'), now);
    expect(await quarters()).toEqual([0, 0, 0, 0]);
  });

  it('a corrected adoption moves its points', async () => {
    await correctItemAdoption(
      store.db,
      editor,
      itemId,
      await adoptionId('A-1'),
      1,
      { outlet: 'dynamic', date: '2011-03-01' },
      now
    );
    // dynamic 3 (Q1) and the instruction on 03-01 (Q1); the report brief in Q2 with city bonus 2.
    expect(await quarters()).toEqual([3 + 5, 2 + 2, 0, 0]);
    const stale = correctItemAdoption(
      store.db,
      editor,
      itemId,
      await adoptionId('A-1'),
      1,
      { outlet: 'portal', date: '2011-03-02' },
      now
    );
    await expect(stale).rejects.toThrow('采用记录已被他人修改，请刷新后重试');
    expect(await quarters()).toEqual([3 + 5, 2 + 2, 0, 0]);
  });

  it('a refused correction changes nothing', async () => {
    const before = await snapshotStore(store);
    const id = await adoptionId('A-1');
    await expect(
      correctItemAdoption(store.db, editor, itemId, id, 1, { outlet: 'report', date: '2010-01-01', kind: 'brief' }, now)
    ).rejects.toThrow('早于最早的考核政策生效日期');
    await expect(
      correctItemAdoption(store.db, editor, itemId, id, 1, { outlet: 'report', date: '2011-03-01' }, now)
    ).rejects.toThrow(ServiceError);
    await expect(undoItemAdoption(store.db, editor, itemId, 999_999, now)).rejects.toThrow('采用记录不存在');
    expect(await snapshotStore(store)).toEqual(before);
  });
});

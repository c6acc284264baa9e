import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as inboxQueue from '../../src/db/migrations/2026-11-28-0101-inbox-queue.js';
import { importLedger } from '../../src/services/import-ledger.js';
import { DRAFT } from '../factories/item.factory.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

/** Issue 8, the editor: the inbox's work queue and sorting, 接收并采用, bulk adoption into one issue, ledger items' state. */
describe.skipIf(!isDialectAvailable)('API: the editor works the inbox without friction', () => {
  let t: TestApp;
  let officer: ApiClient;
  let reviewer: ApiClient;
  let editor: ApiClient;

  beforeEach(async () => {
    t = await createTestApp();
    officer = await signInNewUser(t, 'officer', '沙湾镇');
    reviewer = await signInNewUser(t, 'reviewer', '沙湾镇');
    editor = await signInNewUser(t, 'editor');
  });
  afterEach(async () => t?.cleanup());

  const act = async (client: ApiClient, id: number, action: string, comment?: string) => {
    const response = await client.transition(id, action, comment);
    expect(response.statusCode, response.body).toBe(200);
  };
  const sendItem = async (title: string) => {
    const { id } = (await officer.post('/api/items', { ...DRAFT, title })).json();
    await act(officer, id, 'submit_for_review');
    await act(reviewer, id, 'approve');
    return id as number;
  };
  const ledger = (records: Record<string, unknown>[]) =>
    importLedger(
      t.store.db,
      records.map((fields, i) => ({ fields, file: 't', line: i + 1 }))
    );
  const list = async (query = '') => {
    const response = await editor.get(`/api/items${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      total: number;
      items: { id: number; title: string; status: string; submitted: string; points: number; unit: { name: string } }[];
    };
  };
  const item = async (id: number) => (await editor.get(`/api/items/${id}`)).json();

  it('opens on 待接收, then undecided 已接收, oldest first; later-dated ledger rows do not push new submissions off page 1', async () => {
    // A ledger with future-dated and today's rows, some adopted, some not.
    expect(
      (
        await ledger([
          { type: 'item', id: 'L1', unit: '石基镇', title: '石基镇未来日期的稿件', submitted: '2026-12-30' },
          { type: 'item', id: 'L2', unit: '石基镇', title: '石基镇今天的已采用稿件', submitted: '2026-03-20' },
          { type: 'adoption', id: 'LA2', item: 'L2', outlet: 'dynamic', date: '2026-03-20' },
          { type: 'item', id: 'L3', unit: '石基镇', title: '石基镇较早的未决稿件', submitted: '2026-01-05' },
        ])
      ).ok
    ).toBe(true);
    const a = await sendItem('新报送一');
    const b = await sendItem('新报送二');
    const c = await sendItem('已接收待处理');
    await act(editor, c, 'receive');
    const titles = (await list('?pageSize=4')).items.map((i) => i.title);
    expect(titles).toEqual([
      '新报送一（政务信息）',
      '新报送二（政务信息）',
      '石基镇较早的未决稿件',
      '已接收待处理（政务信息）',
    ]);
    expect((await list()).items.map((i) => i.title).slice(-2)).toEqual([
      '石基镇未来日期的稿件',
      '石基镇今天的已采用稿件',
    ]);
    expect([a, b]).toHaveLength(2);
  });

  it('sorts by whitelisted columns on the server and refuses others', async () => {
    const low = await sendItem('低分稿件');
    const high = await sendItem('高分稿件');
    for (const id of [low, high]) await act(editor, id, 'receive');
    expect(
      (await editor.post(`/api/items/${high}/adoptions`, { outlet: 'report', kind: 'research', date: '2026-03-20' }))
        .statusCode
    ).toBe(201);
    expect(
      (await editor.post(`/api/items/${low}/adoptions`, { outlet: 'portal', date: '2026-03-20' })).statusCode
    ).toBe(201);
    await sendItem('零分稿件');
    expect((await list('?sort=points&order=desc')).items.map((i) => i.points)).toEqual([8, 2, 0]);
    expect((await list('?sort=points&order=asc')).items.map((i) => i.points)).toEqual([0, 2, 8]);
    expect((await list('?sort=status&order=asc')).items.map((i) => i.status)).toEqual([
      'submitted',
      'adopted',
      'adopted',
    ]);
    expect((await list('?sort=unit&order=asc&status=adopted')).total).toBe(2);
    expect((await editor.get('/api/items?sort=password_hash')).statusCode).toBe(400);
    expect((await editor.get('/api/items?sort=points&order=sideways')).statusCode).toBe(400);
  });

  it('receives and adopts in one step, and leaves the item untouched when an adoption is refused', async () => {
    const id = await sendItem('一步采用的稿件');
    const { version } = await item(id);
    const refused = await editor.post(`/api/items/${id}/accept`, {
      version,
      adoptions: [
        { outlet: 'dynamic', date: '2026-03-20' },
        { outlet: 'report', date: '2026-03-20' },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('信息类型');
    expect(await item(id)).toMatchObject({ status: 'submitted', adoptions: [], points: 0 });

    const accepted = await editor.post(`/api/items/${id}/accept`, {
      version,
      adoptions: [
        { outlet: 'dynamic', date: '2026-03-20', issue: '第12期' },
        { outlet: 'report', kind: 'headline', date: '2026-03-20', issue: '第7期' },
      ],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = await item(id);
    expect(after).toMatchObject({ status: 'adopted', points: 3 + 5 });
    expect(after.history.map((h: { action: string }) => h.action).slice(-3)).toEqual(['receive', 'adopt', 'adopt']);
    // A second click with the old version is refused, not adopted twice.
    expect(
      (await editor.post(`/api/items/${id}/accept`, { version, adoptions: [{ outlet: 'portal', date: '2026-03-20' }] }))
        .statusCode
    ).toBe(409);
    expect(
      (
        await officer.post(`/api/items/${id}/accept`, {
          version: after.version,
          adoptions: [{ outlet: 'portal', date: '2026-03-20' }],
        })
      ).statusCode
    ).toBe(403);
  });

  it('adopts a selection into one issue in one transaction, all or nothing, audited', async () => {
    const ids = [await sendItem('批量一'), await sendItem('批量二'), await sendItem('批量三')];
    await act(editor, ids[1], 'receive');
    const hidden = await sendItem('不予公开的稿件');
    await t.store.db.updateTable('items').set({ is_public: 0 }).where('id', '=', hidden).execute();
    const versions = async (list: number[]) =>
      Promise.all(list.map(async (id) => ({ id, version: (await item(id)).version })));

    const refused = await editor.post('/api/items/bulk-adoptions', {
      items: await versions([...ids, hidden]),
      outlet: 'portal',
      date: '2026-03-20',
      issue: '2026年第3期',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('不予公开');
    for (const id of ids) expect((await item(id)).adoptions).toEqual([]);
    expect((await item(ids[0])).status).toBe('submitted');

    const done = await editor.post('/api/items/bulk-adoptions', {
      items: await versions(ids),
      outlet: 'report',
      kind: 'brief',
      date: '2026-03-20',
      issue: '2026年第3期',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().adopted).toBe(3);
    for (const id of ids)
      expect(await item(id)).toMatchObject({
        status: 'adopted',
        points: 2,
        adoptions: [{ outlet: 'report', kind: 'brief', issue: '2026年第3期' }],
      });
    const audited = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'adopt_item')
      .execute();
    expect(audited).toHaveLength(3);
    expect(audited.every((a) => JSON.parse(a.after!).bulk === true)).toBe(true);
  });

  it('imports ledger items that carry adoptions as 已采用, so they wait for nobody; the migration fixes stored ones', async () => {
    expect(
      (
        await ledger([
          { type: 'item', id: 'L1', unit: '石基镇', title: '已采用的台账稿件', submitted: '2026-01-05' },
          { type: 'adoption', id: 'LA1', item: 'L1', outlet: 'portal', date: '2026-01-06' },
          { type: 'item', id: 'L2', unit: '石基镇', title: '未采用的台账稿件', submitted: '2026-01-05' },
        ])
      ).ok
    ).toBe(true);
    expect((await list('?status=received')).items.map((i) => i.title)).toEqual(['未采用的台账稿件']);
    expect((await list('?status=adopted')).items.map((i) => i.title)).toEqual(['已采用的台账稿件']);
    // A later ledger adds an adoption to the stored item.
    expect(
      (await ledger([{ type: 'adoption', id: 'LA2', item: 'L2', outlet: 'dynamic', date: '2026-01-08' }])).ok
    ).toBe(true);
    expect((await list('?status=received')).total).toBe(0);

    // A database from before: both back to 已接收, then the migration runs again.
    await t.store.db.updateTable('items').set({ status: 'received' }).where('origin', '=', 'ledger').execute();
    await sql`drop index items_inbox_order`.execute(t.store.db);
    await inboxQueue.up(t.store.db);
    const rows = await t.store.db.selectFrom('items').select('status').where('origin', '=', 'ledger').execute();
    expect(rows.map((r) => r.status)).toEqual(['adopted', 'adopted']);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFT } from '../factories/item.factory.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';
import type { Role } from '../../src/shared/roles.js';

/** The district editor's inbox: the outlet filter and duplicate warnings (疑似重复). */
describe.skipIf(!isDialectAvailable)('API: the inbox filters by outlet and warns of look-alike items', () => {
  let t: TestApp;
  let officer: ApiClient;
  let reviewer: ApiClient;
  let editor: ApiClient;
  let leader: ApiClient;
  let otherOfficer: ApiClient;

  beforeEach(async () => {
    t = await createTestApp();
    const login = (role: Role, unit: string | null = null) => signInNewUser(t, role, unit);
    officer = await login('officer', '沙湾镇');
    reviewer = await login('reviewer', '沙湾镇');
    editor = await login('editor');
    leader = await login('office_leader');
    otherOfficer = await login('officer', '石基镇');
  });
  afterEach(async () => t?.cleanup());

  const act = async (client: ApiClient, id: number, action: string) => {
    const response = await client.transition(id, action);
    expect(response.statusCode, response.body).toBe(200);
  };
  /** Drafted by the officer and approved by the reviewer: sent to the district. */
  let sequence = 0;
  /** Each with its own short body: only look-alike titles of one unit, or copied bodies, are duplicates. */
  const sendItem = async (title: string, body = `第${++sequence}篇稿件的正文。`) => {
    const { id } = (await officer.post('/api/items', { ...DRAFT, title, body })).json();
    await act(officer, id, 'submit_for_review');
    await act(reviewer, id, 'approve');
    return id as number;
  };
  const titles = async (query: string) =>
    (await editor.get(`/api/items?${query}`))
      .json()
      .items.map((i: { title: string }) => i.title)
      .sort();

  it('filters by the outlet an item was adopted into, with the other filters and pages', async () => {
    const report = await sendItem('沙湾镇推进防汛工作');
    const dynamic = await sendItem('沙湾镇开展消防演练');
    const both = await sendItem('沙湾镇举办龙舟赛');
    await sendItem('沙湾镇未采用的稿件');
    for (const id of [report, dynamic, both]) await act(editor, id, 'receive');
    expect(
      (await editor.post(`/api/items/${report}/adoptions`, { outlet: 'report', kind: 'research', date: '2026-03-05' }))
        .statusCode
    ).toBe(201);
    expect(
      (await editor.post(`/api/items/${dynamic}/adoptions`, { outlet: 'dynamic', date: '2026-03-05' })).statusCode
    ).toBe(201);
    expect(
      (await editor.post(`/api/items/${both}/adoptions`, { outlet: 'dynamic', date: '2026-03-05' })).statusCode
    ).toBe(201);
    expect(
      (await editor.post(`/api/items/${both}/adoptions`, { outlet: 'report', kind: 'brief', date: '2026-03-06' }))
        .statusCode
    ).toBe(201);

    expect(await titles('outlet=report')).toEqual(['沙湾镇举办龙舟赛（政务信息）', '沙湾镇推进防汛工作（政务信息）']);
    expect(await titles('outlet=dynamic')).toEqual(
      ['沙湾镇开展消防演练（政务信息）', '沙湾镇举办龙舟赛（政务信息）'].sort()
    );
    expect(await titles('outlet=portal')).toEqual([]);
    // Each outlet has its own total, even within the seconds a total is kept.
    const total = async (outlet: string) => (await editor.get(`/api/items?outlet=${outlet}`)).json().total;
    expect([await total('report'), await total('dynamic'), await total('portal')]).toEqual([2, 2, 0]);
    expect(await titles(`outlet=report&q=${encodeURIComponent('龙舟')}`)).toEqual(['沙湾镇举办龙舟赛（政务信息）']);
    expect(await titles('outlet=report&status=adopted&series=town')).toHaveLength(2);
    // The same filters without the outlet: a different query shape, all four items.
    expect(await titles('status=submitted')).toEqual(['沙湾镇未采用的稿件（政务信息）']);
    expect((await editor.get('/api/items?outlet=report&pageSize=1&page=2')).json()).toMatchObject({
      total: 2,
      page: 2,
      items: [{}],
    });
    // A unit's own list takes the filter too, and sees only its items.
    expect((await otherOfficer.get('/api/items?outlet=report')).json().total).toBe(0);
    expect((await officer.get('/api/items?outlet=report')).json().total).toBe(2);
  });

  it('lists items sent to the district whose titles look alike, for one item and for a page of them', async () => {
    const first = await sendItem('沙湾镇扎实推进防汛防风工作');
    const second = await sendItem('沙湾镇扎实推进防汛工作');
    const other = await sendItem('沙湾镇举办文化节');
    // Still in the unit (not sent): never a candidate, and never shown to the district.
    const { id: draft } = (await officer.post('/api/items', { ...DRAFT, title: '沙湾镇扎实推进防汛防风工作' })).json();

    const similar = await editor.get(`/api/items/${first}/similar`);
    expect(similar.statusCode).toBe(200);
    expect(similar.json()).toEqual([
      {
        id: second,
        ref: `W${second}`,
        title: '沙湾镇扎实推进防汛工作（政务信息）',
        submitted: '2026-03-20',
        status: 'submitted',
        statusName: '已报送区政府办公室',
        unit: { id: expect.any(Number), name: '沙湾镇' },
        score: expect.any(Number),
        reason: 'title',
      },
    ]);
    expect(similar.json()[0].score).toBeGreaterThanOrEqual(0.5);
    expect((await leader.get(`/api/items/${other}/similar`)).json()).toEqual([]);
    expect((await editor.get(`/api/items/${draft}/similar`)).statusCode).toBe(404);

    const batch = await leader.get(`/api/items/similar?ids=${first},${second},${other},${draft},999999`);
    expect(batch.statusCode).toBe(200);
    const items = batch.json().items as Record<string, { id: number }[]>;
    expect(Object.keys(items).sort()).toEqual([String(first), String(second)].sort());
    expect(items[String(first)].map((i) => i.id)).toEqual([second]);
    expect(items[String(second)].map((i) => i.id)).toEqual([first]);

    expect((await editor.get('/api/items/similar?ids=abc')).statusCode).toBe(400);
    expect((await officer.get(`/api/items/similar?ids=${first}`)).statusCode).toBe(403);
    expect((await officer.get(`/api/items/${first}/similar`)).statusCode).toBe(403);
  });

  it('looks only within ±30 days of submission and stays quick among 10,000 items', async () => {
    const subject = await sendItem('沙湾镇扎实推进防汛防风工作', DRAFT.body);
    const unitId = (
      await t.store.db.selectFrom('units').select('id').where('name', '=', '石基镇').executeTakeFirstOrThrow()
    ).id;
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const day = new Date(Date.parse('2025-01-01T00:00:00Z') + (i % 500) * 86_400_000).toISOString().slice(0, 10);
      // Another unit's copies of the subject's body (and title) are duplicates; its templated titles alone are not.
      const copy = i % 1000 === 440 || i % 1000 === 400;
      return {
        ref: `T${i}`,
        unit_id: unitId,
        title:
          copy || i % 1000 === 420
            ? '石基镇扎实推进防汛防风工作（政务信息）'
            : `石基镇第${i}项工作进展情况（政务信息）`,
        submitted: day,
        body: copy ? DRAFT.body : `石基镇第${i}项工作的正文`,
        status: 'received',
        origin: 'ledger',
        sent_at: '2025-01-01T00:00:00Z',
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      await t.store.db
        .insertInto('items')
        .values(rows.slice(i, i + 500))
        .execute();

    const started = performance.now();
    const found = (await editor.get(`/api/items/${subject}/similar`)).json() as { ref: string; submitted: string }[];
    const elapsed = performance.now() - started;
    // Look-alike titles on 2026-03-17 (i % 1000 = 440) and 2026-02-05 (400): only the first are within 30 days of 2026-03-20.
    const expected = rows.filter((r) => r.body === DRAFT.body && r.submitted >= '2026-02-18').map((r) => r.ref);
    expect(expected).toHaveLength(10);
    expect(found.map((f) => f.ref).sort()).toEqual(expected.sort());
    expect(found.every((f) => f.submitted >= '2026-02-18' && f.submitted <= '2026-04-19')).toBe(true);
    expect(elapsed).toBeLessThan(2_000);
  });
});

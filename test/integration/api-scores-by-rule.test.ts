import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';
import { DRAFT } from '../factories/item.factory.js';

describe.skipIf(!isDialectAvailable)('API: scores by rule and explained bookings with their items', () => {
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

  const adoptedItem = async (title: string, outlet: string, kind?: string) => {
    const { id } = (await officer.post('/api/items', { ...DRAFT, title })).json();
    for (const [client, action] of [
      [officer, 'submit_for_review'],
      [reviewer, 'approve'],
      [editor, 'receive'],
    ] as const) {
      expect((await client.transition(id, action)).statusCode).toBe(200);
    }
    expect(
      (await editor.post(`/api/items/${id}/adoptions`, { outlet, date: '2026-03-05', ...(kind ? { kind } : {}) }))
        .statusCode
    ).toBe(201);
    return id as number;
  };

  it('sums points per series, quarter and rule, described in Chinese, and links each explained booking to its item', async () => {
    const research = await adoptedItem('沙湾镇推进古镇保护', 'report', 'research');
    await adoptedItem('沙湾镇开展防汛演练', 'dynamic');
    await adoptedItem('沙湾镇召开安全生产会议', 'dynamic');
    await editor.post(`/api/items/${research}/instructions`, { level: 'district', date: '2026-03-10' });

    const document = (await editor.get('/api/scores/by-rule?year=2026')).json();
    expect(document.year).toBe(2026);
    expect(document.rows).toEqual([
      {
        series: 'town',
        quarter: 1,
        rule: 'adoption:dynamic',
        description: '《番府信息》(政务动态)采用',
        points: 6,
        bookings: 2,
      },
      {
        series: 'town',
        quarter: 1,
        rule: 'adoption:report:research',
        description: expect.stringContaining('采用（综合调研'),
        points: 8,
        bookings: 1,
      },
      { series: 'town', quarter: 1, rule: 'district_instruction', description: '区领导批示', points: 5, bookings: 1 },
    ]);
    expect((await editor.get('/api/scores/by-rule?year=2026&quarter=2')).json()).toEqual({
      year: 2026,
      quarter: 2,
      rows: [],
    });
    expect(
      (await editor.get('/api/scores/by-rule?year=2026&asOf=2026-03-06'))
        .json()
        .rows.map((r: { rule: string }) => r.rule)
    ).toEqual(['adoption:dynamic', 'adoption:report:research']);
    expect((await officer.get('/api/scores/by-rule?year=2026')).statusCode).toBe(403);

    const explained = (await editor.get(`/api/scores/explain?unit=${encodeURIComponent('沙湾镇')}&year=2026`)).json();
    const booking = explained.bookings.find((b: { rule: string }) => b.rule === 'adoption:report:research');
    expect(booking).toMatchObject({ itemId: research, itemTitle: '沙湾镇推进古镇保护（政务信息）', points: 8 });
  });
});

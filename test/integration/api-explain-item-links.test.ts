import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';
import { DRAFT } from '../factories/item.factory.js';

describe.skipIf(!isDialectAvailable)('API: explain links each booking to its item', () => {
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

  const act = async (client: ApiClient, id: number, action: string) => {
    expect((await client.transition(id, action)).statusCode).toBe(200);
  };

  it('gives the item id of an item booking, and null for a booking without an item', async () => {
    const { id } = (await officer.post('/api/items', DRAFT)).json();
    await act(officer, id, 'submit_for_review');
    await act(reviewer, id, 'approve');
    await act(editor, id, 'receive');
    expect(
      (await editor.post(`/api/items/${id}/adoptions`, { outlet: 'report', kind: 'research', date: '2026-03-05' }))
        .statusCode
    ).toBe(201);
    const unitId = (await officer.get(`/api/items/${id}`)).json().unit.id;
    expect((await editor.post('/api/penalties', { unitId, reason: 'criticism', date: '2026-03-06' })).statusCode).toBe(
      201
    );

    const explained = (await officer.get(`/api/scores/explain?unit=${encodeURIComponent('沙湾镇')}&year=2026`)).json();
    expect(explained.bookings.map((b: { rule: string; itemId: number | null }) => [b.rule, b.itemId])).toEqual([
      ['adoption:report:research', id],
      ['penalty:criticism', null],
    ]);
  });
});

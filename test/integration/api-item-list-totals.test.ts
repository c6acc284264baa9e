import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFT } from '../factories/item.factory.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

/**
 * The list's totals are cached for two seconds (docs/ARCHITECTURE.md); every write that changes
 * which items a filter lists must clear them at once. An item already 已采用 adopted again changes
 * no item row, only the adoptions an outlet filter reads.
 */
describe.skipIf(!isDialectAvailable)('API: the item list total follows adoptions at once', () => {
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
    const response = await client.transition(id, action);
    expect(response.statusCode, response.body).toBe(200);
  };
  const total = async (query: string) => {
    const response = await editor.get(`/api/items${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { total: number }).total;
  };

  it('counts an item under an outlet as soon as it is adopted there, corrected or undone', async () => {
    const { id } = (await officer.post('/api/items', DRAFT)).json() as { id: number };
    await act(officer, id, 'submit_for_review');
    await act(reviewer, id, 'approve');
    await act(editor, id, 'receive');
    expect(
      (await editor.post(`/api/items/${id}/adoptions`, { outlet: 'dynamic', date: '2026-03-20' })).statusCode
    ).toBe(201);
    expect(await total('?outlet=report')).toBe(0);
    expect(await total('?outlet=portal')).toBe(0);

    // A second adoption leaves the item row as it was (already 已采用).
    const second = await editor.post(`/api/items/${id}/adoptions`, {
      outlet: 'report',
      kind: 'headline',
      date: '2026-03-20',
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(await total('?outlet=report')).toBe(1);

    const adoptions = (await editor.get(`/api/items/${id}`)).json().adoptions as {
      id: number;
      outlet: string;
      version: number;
    }[];
    const report = adoptions.find((a) => a.outlet === 'report')!;
    const corrected = await editor.put(`/api/items/${id}/adoptions/${report.id}`, {
      version: report.version,
      outlet: 'portal',
      date: '2026-03-20',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(await total('?outlet=report')).toBe(0);
    expect(await total('?outlet=portal')).toBe(1);

    expect((await editor.delete(`/api/items/${id}/adoptions/${report.id}`)).statusCode).toBe(200);
    expect(await total('?outlet=portal')).toBe(0);
  });
});

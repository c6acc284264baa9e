/** Issue 8, the units' and office leader's daily work: who reviews, replies to solicitations, returning quarterly results. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFT } from '../factories/item.factory.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

describe.skipIf(!isDialectAvailable)('API: daily work of the units and the office leader', () => {
  let t: TestApp;
  let officer: ApiClient;
  let editor: ApiClient;
  let units: { id: number; name: string }[];

  beforeEach(async () => {
    t = await createTestApp();
    officer = await signInNewUser(t, 'officer', '沙湾镇');
    editor = await signInNewUser(t, 'editor');
    units = (await editor.get('/api/units')).json();
  });
  afterEach(async () => t?.cleanup());

  const unitId = (name: string) => units.find((u) => u.name === name)!.id;
  const inReview = async (client: ApiClient, draft: Record<string, unknown> = {}) => {
    const { id } = (await client.post('/api/items', { ...DRAFT, ...draft })).json();
    expect((await client.transition(id, 'submit_for_review')).statusCode).toBe(200);
    return id as number;
  };

  it("a unit without a reviewer account: the officer learns the principal reviews, the principal approves an ordinary item, and another unit's principal cannot", async () => {
    const principal = await signInNewUser(t, 'principal', '沙湾镇');
    expect((await officer.get('/api/units/mine/reviewers')).json()).toEqual({
      reviewers: [],
      principals: [expect.any(String)],
      reviewedBy: 'principal',
    });
    const id = await inReview(officer);
    const stranger = await signInNewUser(t, 'principal', '石基镇');
    expect((await stranger.get(`/api/items/${id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/items/${id}/transitions`, { action: 'approve', version: 2 })).statusCode).toBe(
      404
    );
    const approved = await principal.transition(id, 'approve');
    expect(approved.json()).toEqual({ status: 'submitted', statusName: '已报送区政府办公室' });
    // A major item the principal approves still waits for the paper copy and the signature.
    const major = await inReview(officer, { title: '沙湾镇发生重大险情', isMajor: true });
    expect((await principal.transition(major, 'approve')).json().status).toBe('awaiting_signature');

    await signInNewUser(t, 'reviewer', '沙湾镇');
    const mine = (await officer.get('/api/units/mine/reviewers')).json();
    expect(mine.reviewedBy).toBe('reviewer');
    expect(mine.reviewers).toHaveLength(1);
  });

  it('lists, for the system administrator and the editor, the units whose items wait in review with no reviewer account: names and counts only', async () => {
    await inReview(officer);
    await inReview(officer, { title: '沙湾镇第二篇' });
    const shiji = await signInNewUser(t, 'officer', '石基镇');
    await signInNewUser(t, 'reviewer', '石基镇');
    await inReview(shiji);
    const admin = await signInNewUser(t, 'sys_admin');
    for (const client of [admin, editor]) {
      const list = (await client.get('/api/units/without-reviewer')).json();
      expect(list).toEqual([
        { unitId: unitId('沙湾镇'), unit: '沙湾镇', waiting: 2, since: expect.any(String), hasPrincipal: false },
      ]);
    }
    await signInNewUser(t, 'principal', '沙湾镇');
    expect((await admin.get('/api/units/without-reviewer')).json()[0].hasPrincipal).toBe(true);
    expect((await officer.get('/api/units/without-reviewer')).statusCode).toBe(403);
  });

  it("a new item drafted as a reply answers the solicitation; the unit sees the reply by title, and another unit's solicitation is refused", async () => {
    const solicitation = (
      await editor.post('/api/solicitations', {
        issuer: 'district',
        title: '关于报送防汛经验的约稿',
        deadline: '2026-03-25',
        unitIds: [unitId('沙湾镇')],
      })
    ).json().id;
    const other = (
      await editor.post('/api/solicitations', {
        issuer: 'district',
        title: '只发石基镇的约稿',
        deadline: '2026-03-25',
        unitIds: [unitId('石基镇')],
      })
    ).json().id;

    const created = await officer.post('/api/items', {
      ...DRAFT,
      category: '上级约稿信息',
      solicitationId: solicitation,
    });
    expect(created.statusCode).toBe(201);
    const mine = (await officer.get('/api/solicitations')).json();
    expect(mine[0].myItems).toEqual([
      { id: created.json().id, title: `${DRAFT.title}（政务信息）`, status: 'draft', statusName: '草稿' },
    ]);
    const history = (await officer.get(`/api/items/${created.json().id}`)).json().history;
    expect(history.find((e: { action: string }) => e.action === 'answer_solicitation').comment).toBe(
      '约稿“关于报送防汛经验的约稿”'
    );

    const refused = await officer.post('/api/items', { ...DRAFT, solicitationId: other });
    expect(refused.statusCode).toBe(404);
    // Refused whole: no draft was left behind.
    expect((await officer.get('/api/items')).json().total).toBe(1);
  });

  it('the office leader returns quarterly results with a comment; the editor sees it, prepares again and the leader approves; the history and the audit log keep every step', async () => {
    const leader = await signInNewUser(t, 'office_leader');
    const auditor = await signInNewUser(t, 'audit_admin');
    await editor.post('/api/results', { year: 2026, quarter: 1 });
    const pending = (await leader.get('/api/results')).json()[0];
    expect(
      (await leader.post(`/api/results/${pending.id}/return`, { version: pending.version, comment: '  ' })).statusCode
    ).toBe(400);
    expect(
      (
        await leader.post(`/api/results/${pending.id}/return`, {
          version: pending.version,
          comment: '请核对沙湾镇的约稿扣分',
        })
      ).statusCode
    ).toBe(200);

    const returned = (await editor.get('/api/results')).json()[0];
    expect(returned).toMatchObject({ status: 'returned', returnComment: '请核对沙湾镇的约稿扣分' });
    expect((await leader.post(`/api/results/${pending.id}/approve`, { version: returned.version })).statusCode).toBe(
      409
    );
    expect((await officer.get('/api/results')).json()).toEqual([]);

    expect((await editor.post('/api/results', { year: 2026, quarter: 1 })).statusCode).toBe(201);
    const again = (await leader.get('/api/results')).json()[0];
    expect(again).toMatchObject({ status: 'pending', returnComment: null });
    expect(again.history.map((e: { action: string }) => e.action)).toEqual(['prepare', 'return', 'resubmit']);
    expect(again.history[1]).toMatchObject({ comment: '请核对沙湾镇的约稿扣分', actor: expect.any(String) });
    expect((await leader.post(`/api/results/${again.id}/approve`, { version: again.version })).statusCode).toBe(200);
    expect((await leader.get('/api/results')).json()[0].history.map((e: { action: string }) => e.action)).toEqual([
      'prepare',
      'return',
      'resubmit',
      'approve',
    ]);
    // Units read the published results, not the office's history.
    expect((await officer.get('/api/results')).json()[0].history).toBeUndefined();

    const audit = (await auditor.get('/api/audit?action=return_results')).json();
    expect(audit.entries ?? audit.items ?? audit).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'return_results' })])
    );
  });
});

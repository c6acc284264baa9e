import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAGE } from '../../src/files/official-docx.js';
import { pdfAvailable } from '../../src/files/pdf-conversion.js';
import { readAudit } from '../../src/services/audit/read-audit.js';
import { verifyAudit } from '../../src/services/audit/verify-audit.js';
import { DRAFT } from '../factories/item.factory.js';
import { docxPart, paragraphTexts, readDocxLayout, runsContaining } from '../helpers/office-files.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

interface PeriodicalView {
  id: number;
  name: string;
  outlet: string;
  kinds: { code: string }[];
}

describe.skipIf(!isDialectAvailable)('API: periodicals (刊物) — assemble, approve, publish, withdraw', () => {
  let t: TestApp;
  let officer: ApiClient;
  let reviewer: ApiClient;
  let editor: ApiClient;
  let leader: ApiClient;
  let report: PeriodicalView;
  let dynamic: PeriodicalView;

  beforeEach(async () => {
    t = await createTestApp();
    officer = await signInNewUser(t, 'officer', '沙湾镇');
    reviewer = await signInNewUser(t, 'reviewer', '沙湾镇');
    editor = await signInNewUser(t, 'editor');
    leader = await signInNewUser(t, 'office_leader');
    const periodicals = (await editor.get('/api/periodicals')).json() as PeriodicalView[];
    report = periodicals.find((p) => p.outlet === 'report')!;
    dynamic = periodicals.find((p) => p.outlet === 'dynamic')!;
  });
  afterEach(async () => t?.cleanup());

  /** An item of 沙湾镇 sent up and received by the district office; `receive: false` leaves it sent only. */
  const receivedItem = async (title: string, receive = true): Promise<number> => {
    const { id } = (await officer.post('/api/items', { ...DRAFT, title })).json();
    expect((await officer.transition(id, 'submit_for_review')).statusCode).toBe(200);
    expect((await reviewer.transition(id, 'approve')).statusCode).toBe(200);
    if (receive) expect((await editor.transition(id, 'receive')).statusCode).toBe(200);
    return id as number;
  };
  const points = async () =>
    (await editor.get('/api/scores?year=2026')).json().units.find((u: { unit: string }) => u.unit === '沙湾镇')
      .quarters[0].points as number;
  const adoptions = async (itemId: number) =>
    (await editor.get(`/api/items/${itemId}`)).json().adoptions as {
      outlet: string;
      kind: string;
      date: string;
      issue: string;
    }[];
  const version = async (issueId: number) =>
    (await editor.get(`/api/periodicals/issues/${issueId}`)).json().version as number;
  const act = async (client: ApiClient, issueId: number, action: string, extra: object = {}) =>
    client.post(`/api/periodicals/issues/${issueId}/${action}`, { version: await version(issueId), ...extra });
  const issueOf = (ids: number[], kinds: string[], extra: object = {}) => ({
    periodicalId: report.id,
    year: 2026,
    date: '2026-03-18',
    items: ids.map((itemId, k) => ({
      itemId,
      title: `编辑后标题${k + 1}`,
      body: `编辑后正文${k + 1}。`,
      kind: kinds[k],
    })),
    ...extra,
  });
  const publishFlow = async (issueId: number) => {
    expect((await act(editor, issueId, 'submit')).statusCode).toBe(200);
    expect((await act(leader, issueId, 'approve')).statusCode).toBe(200);
    const published = await act(editor, issueId, 'publish');
    expect(published.statusCode).toBe(200);
    return published.json() as { adopted: number; kept: { itemId: number; date: string }[] };
  };

  it('publishing records an adoption of every item with the issue number and date, and the scores count them; withdrawing takes exactly those back', async () => {
    const ids = [await receivedItem('甲'), await receivedItem('乙'), await receivedItem('丙')];
    expect(report.kinds.map((k) => k.code)).toEqual(['research', 'headline', 'brief']);
    expect((await editor.get(`/api/periodicals/${report.id}/next-number?year=2026`)).json()).toEqual({ number: 1 });
    const created = await editor.post('/api/periodicals/issues', issueOf(ids, ['research', 'headline', 'brief']));
    expect(created.statusCode).toBe(201);
    const issueId = created.json().id as number;
    expect((await editor.get(`/api/periodicals/${report.id}/next-number?year=2026`)).json()).toEqual({ number: 2 });

    const detail = (await editor.get(`/api/periodicals/issues/${issueId}`)).json();
    expect(detail).toMatchObject({ issueLine: '2026年第1期', status: 'draft', itemCount: 3 });
    expect(detail.items.map((i: { originalTitle: string; title: string }) => [i.originalTitle, i.title])).toEqual([
      ['甲（政务信息）', '编辑后标题1'],
      ['乙（政务信息）', '编辑后标题2'],
      ['丙（政务信息）', '编辑后标题3'],
    ]);
    // Not yet approved: publishing is refused and records nothing.
    expect((await act(editor, issueId, 'publish')).statusCode).toBe(409);
    expect(await points()).toBe(0);

    expect(await publishFlow(issueId)).toEqual({ adopted: 3, kept: [] });
    for (const [k, kind] of ['research', 'headline', 'brief'].entries())
      expect(await adoptions(ids[k])).toEqual([
        expect.objectContaining({ outlet: 'report', kind, date: '2026-03-18', issue: '2026年第1期' }),
      ]);
    expect((await editor.get(`/api/items/${ids[0]}`)).json().status).toBe('adopted');
    expect(await points()).toBe(8 + 5 + 2);

    expect((await act(editor, issueId, 'withdraw', { comment: '期号有误' })).statusCode).toBe(200);
    for (const id of ids) expect(await adoptions(id)).toEqual([]);
    expect((await editor.get(`/api/items/${ids[0]}`)).json().status).toBe('received');
    expect(await points()).toBe(0);
    const history = (await editor.get(`/api/periodicals/issues/${issueId}`))
      .json()
      .history.map((e: { action: string }) => e.action);
    expect(history).toEqual(['create', 'submit', 'approve', 'publish', 'withdraw']);
    // Every write is in the audit log, publishing and withdrawing with the adoptions they made and took back.
    const { rows } = await readAudit(t.store.db, { objectType: 'periodical_issue', objectId: String(issueId) }, 50, 0);
    expect(rows.map((r) => r.action).reverse()).toEqual([
      'create_periodical_issue',
      'submit_periodical_issue',
      'approve_periodical_issue',
      'publish_periodical_issue',
      'withdraw_periodical_issue',
    ]);
    expect(JSON.parse(rows[1].after!).created).toHaveLength(3);
    expect(JSON.parse(rows[0].before!).adoptions).toHaveLength(3);
    expect((await verifyAudit(t.store.db)).ok).toBe(true);
  });

  it('an item already adopted in the outlet keeps its earliest adoption and gets no second; withdrawing leaves it', async () => {
    const early = await receivedItem('早已采用');
    const fresh = await receivedItem('新采用');
    const before = await editor.post(`/api/items/${early}/adoptions`, {
      outlet: 'report',
      kind: 'brief',
      date: '2026-03-02',
    });
    expect(before.statusCode).toBe(201);
    const { id: issueId } = (
      await editor.post('/api/periodicals/issues', issueOf([early, fresh], ['research', 'headline']))
    ).json();
    const result = await publishFlow(issueId);
    expect(result.adopted).toBe(1);
    expect(result.kept).toEqual([expect.objectContaining({ itemId: early, date: '2026-03-02' })]);
    expect(await adoptions(early)).toEqual([
      expect.objectContaining({ outlet: 'report', kind: 'brief', date: '2026-03-02', issue: null }),
    ]);
    expect(await points()).toBe(2 + 5);
    expect((await act(editor, issueId, 'withdraw')).statusCode).toBe(200);
    expect(await adoptions(early)).toHaveLength(1);
    expect(await adoptions(fresh)).toEqual([]);
    expect(await points()).toBe(2);
  });

  it('the office leader returns an issue with a comment; the editor edits it and submits again; roles are held to their steps', async () => {
    const id = await receivedItem('退回用');
    const { id: issueId } = (
      await editor.post('/api/periodicals/issues', { ...issueOf([id], []), periodicalId: dynamic.id })
    ).json();
    expect((await act(leader, issueId, 'approve')).statusCode).toBe(409);
    expect((await act(editor, issueId, 'submit')).statusCode).toBe(200);
    expect((await act(editor, issueId, 'approve')).statusCode).toBe(403);
    // Under review, the issue is not the editor's to change.
    const submitted = (await editor.get(`/api/periodicals/issues/${issueId}`)).json();
    const change = await editor.put(`/api/periodicals/issues/${issueId}`, {
      version: submitted.version,
      year: 2026,
      number: 2,
      date: '2026-03-19',
      items: [{ itemId: id, title: '送审后修改', body: '正文。' }],
    });
    expect(change.statusCode).toBe(409);
    expect(change.json().message).toBe('该期刊物已送审或已发布，不能修改');
    expect((await act(leader, issueId, 'return', {})).statusCode).toBe(400);
    expect((await act(leader, issueId, 'return', { comment: '标题再精炼' })).statusCode).toBe(200);
    const returned = (await editor.get(`/api/periodicals/issues/${issueId}`)).json();
    expect(returned).toMatchObject({ status: 'returned', returnComment: '标题再精炼' });
    const saved = await editor.put(`/api/periodicals/issues/${issueId}`, {
      version: returned.version,
      year: 2026,
      number: 7,
      date: '2026-03-19',
      items: [{ itemId: id, title: '精炼后的标题', body: '正文。' }],
    });
    expect(saved.statusCode).toBe(200);
    expect((await editor.get(`/api/periodicals/issues/${issueId}`)).json()).toMatchObject({ issueLine: '2026年第7期' });
    expect(await publishFlow(issueId)).toEqual({ adopted: 1, kept: [] });
    expect(await adoptions(id)).toEqual([
      expect.objectContaining({ outlet: 'dynamic', kind: null, date: '2026-03-19', issue: '2026年第7期' }),
    ]);
    expect(await points()).toBe(3);
  });

  it('a unit user can neither see nor change issues', async () => {
    const id = await receivedItem('单位不可见');
    const { id: issueId } = (await editor.post('/api/periodicals/issues', issueOf([id], ['brief']))).json();
    for (const response of [
      await officer.get('/api/periodicals'),
      await officer.get('/api/periodicals/issues'),
      await officer.get(`/api/periodicals/issues/${issueId}`),
      await officer.get(`/api/periodicals/issues/${issueId}/document?format=docx`),
      await reviewer.post('/api/periodicals/issues', issueOf([id], ['brief'])),
      await officer.put(`/api/periodicals/issues/${issueId}`, {
        version: 1,
        year: 2026,
        number: 1,
        date: '2026-03-18',
        items: [],
      }),
      await officer.post(`/api/periodicals/issues/${issueId}/submit`, { version: 1 }),
    ])
      expect(response.statusCode).toBe(403);
    expect((await editor.get(`/api/periodicals/issues/${issueId}`)).json().status).toBe('draft');
  });

  it('refuses a duplicate number, an item not received and a wrong or missing kind, in Chinese, changing nothing', async () => {
    const id = await receivedItem('合格稿件');
    const sentOnly = await receivedItem('未接收稿件', false);
    expect((await editor.post('/api/periodicals/issues', issueOf([id], ['brief'], { number: 15 }))).statusCode).toBe(
      201
    );
    const listBefore = (await editor.get('/api/periodicals/issues')).body;
    const refusals: [object, number, RegExp][] = [
      [issueOf([id], ['brief'], { number: 15 }), 409, /《番府信息上报》2026年第15期已存在/],
      [issueOf([sentOnly], ['brief']), 400, /尚未被区政府办公室接收/],
      [issueOf([id], ['essay']), 400, /“信息类型”的值不在允许的范围内/],
      [issueOf([id], [undefined as unknown as string]), 400, /须注明每篇稿件的信息类型/],
      [{ ...issueOf([id], ['brief']), periodicalId: dynamic.id }, 400, /不区分信息类型/],
      [issueOf([id, id], ['brief', 'brief']), 400, /重复出现/],
      [issueOf([id], ['brief'], { date: '2025-12-31' }), 400, /不在 2026 年内/],
    ];
    for (const [body, status, message] of refusals) {
      const response = await editor.post('/api/periodicals/issues', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().message ?? response.json().error).toMatch(message);
    }
    expect((await editor.get('/api/periodicals/issues')).body).toBe(listBefore);
    expect(await adoptions(id)).toEqual([]);
  });

  it('exports an issue as a GB/T 9704 .docx: A4, margins, fonts, the masthead and each item in order', async () => {
    const ids = [await receivedItem('一'), await receivedItem('二')];
    const { id: issueId } = (
      await editor.post('/api/periodicals/issues', {
        ...issueOf(ids, ['research', 'brief'], { number: 15 }),
        items: [
          { itemId: ids[1], title: '东涌镇推进乡村振兴', body: '第一段。\n第二段。', kind: 'research' },
          { itemId: ids[0], title: '沙湾镇古镇保护见成效', body: '正文。', kind: 'brief' },
        ],
      })
    ).json();
    const response = await leader.get(`/api/periodicals/issues/${issueId}/document?format=docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('番府信息上报2026年第15期.docx'));
    const xml = await docxPart(response.rawPayload, 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = xml.match(/<w:pgMar [^>]*>/)![0];
    for (const [side, value] of Object.entries(PAGE.margin)) expect(margins).toContain(`w:${side}="${value}"`);
    expect(PAGE.margin).toEqual({ top: 2098, left: 1587, bottom: 1984, right: 1474 });
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    const texts = paragraphTexts(xml);
    const at = (text: string) => texts.findIndex((p) => p.includes(text));
    expect(at('番府信息上报')).toBeGreaterThanOrEqual(0);
    expect(at('2026年第15期')).toBeGreaterThan(at('番府信息上报'));
    expect(at('番禺区人民政府办公室')).toBeGreaterThanOrEqual(0);
    expect(at('东涌镇推进乡村振兴')).toBeGreaterThan(at('2026年第15期'));
    expect(at('沙湾镇古镇保护见成效')).toBeGreaterThan(at('东涌镇推进乡村振兴'));
    expect(texts).toContain('第二段。');
    expect(texts).toContain('（沙湾镇）');
    // Each item's title in 方正小标宋简体 二号, the body in 仿宋_GB2312 三号, pages numbered by a field.
    const [title] = await runsContaining(response.rawPayload, '东涌镇推进乡村振兴');
    expect(title).toMatchObject({ eastAsia: '方正小标宋简体', size: 44 });
    const [body] = await runsContaining(response.rawPayload, '第二段。');
    expect(body.size ?? (await readDocxLayout(response.rawPayload)).defaultSize).toBe(32);
    expect((await readDocxLayout(response.rawPayload)).footerText).toBe('— {PAGE} —');
  });

  it.skipIf(!pdfAvailable())(
    'exports an issue as .pdf through LibreOffice',
    async () => {
      const id = await receivedItem('PDF');
      const { id: issueId } = (await editor.post('/api/periodicals/issues', issueOf([id], ['brief']))).json();
      const response = await editor.get(`/api/periodicals/issues/${issueId}/document?format=pdf`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const pdf = response.rawPayload.toString('latin1');
      expect(pdf.startsWith('%PDF')).toBe(true);
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    },
    120_000
  );
});

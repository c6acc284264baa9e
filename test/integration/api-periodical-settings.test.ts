import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockPeriodical, updatePeriodical } from '../../src/db/repositories/periodical.repository.js';
import { readAudit } from '../../src/services/audit/read-audit.js';
import { DRAFT } from '../factories/item.factory.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { dialect, isDialectAvailable } from '../helpers/test-store.js';

interface PeriodicalView {
  id: number;
  name: string;
  subtitle: string | null;
  outlet: string;
  outletName: string;
  issuer: string;
  version: number;
}

describe.skipIf(!isDialectAvailable)('API: 刊物设置 — the editor adds and changes periodicals', () => {
  let t: TestApp;
  let editor: ApiClient;
  let leader: ApiClient;
  let officer: ApiClient;

  beforeEach(async () => {
    t = await createTestApp();
    editor = await signInNewUser(t, 'editor');
    leader = await signInNewUser(t, 'office_leader');
    officer = await signInNewUser(t, 'officer', '沙湾镇');
  });
  afterEach(async () => t?.cleanup());

  const periodicals = async (client: ApiClient = editor) =>
    (await client.get('/api/periodicals')).json() as PeriodicalView[];
  const periodical = async (id: number) => (await periodicals()).find((p) => p.id === id)!;
  const NEW = { name: '番禺网信', subtitle: '门户专刊', outlet: 'portal', issuer: '番禺区人民政府办公室' };
  const create = async (body: object = NEW) => {
    const created = await editor.post('/api/periodicals', body);
    expect(created.statusCode).toBe(201);
    return created.json().id as number;
  };
  const update = async (id: number, changes: object, client: ApiClient = editor) => {
    const { name, subtitle, outlet, issuer, version } = await periodical(id);
    return client.put(`/api/periodicals/${id}`, { name, subtitle, outlet, issuer, version, ...changes });
  };

  /** An item of 沙湾镇 sent up, approved and received by the district office. */
  const receivedItem = async (title: string): Promise<number> => {
    const reviewer = await signInNewUser(t, 'reviewer', '沙湾镇');
    const { id } = (await officer.post('/api/items', { ...DRAFT, title })).json();
    expect((await officer.transition(id, 'submit_for_review')).statusCode).toBe(200);
    expect((await reviewer.transition(id, 'approve')).statusCode).toBe(200);
    expect((await editor.transition(id, 'receive')).statusCode).toBe(200);
    return id as number;
  };
  const act = async (client: ApiClient, issueId: number, action: string) => {
    const { version } = (await editor.get(`/api/periodicals/issues/${issueId}`)).json();
    return client.post(`/api/periodicals/issues/${issueId}/${action}`, { version });
  };

  /** An issue of the periodical with one received item, approved by the office leader. */
  const approvedIssue = async (periodicalId: number, title: string) => {
    const itemId = await receivedItem(title);
    const created = await editor.post('/api/periodicals/issues', {
      periodicalId,
      year: 2026,
      date: '2026-03-18',
      items: [{ itemId, title, body: '正文。' }],
    });
    const issueId = created.json().id as number;
    expect((await act(editor, issueId, 'submit')).statusCode).toBe(200);
    expect((await act(leader, issueId, 'approve')).statusCode).toBe(200);
    return { itemId, issueId };
  };

  it('the editor adds a periodical for the portal: it is listed with its outlet and issuer, and takes issues', async () => {
    const before = await periodicals();
    const id = await create();
    const list = await periodicals();
    expect(list.map((p) => p.name)).toEqual([...before.map((p) => p.name), '番禺网信']);
    expect(list.find((p) => p.id === id)).toMatchObject({
      name: '番禺网信',
      subtitle: '门户专刊',
      outlet: 'portal',
      outletName: '区政府门户网站政务公开栏目',
      issuer: '番禺区人民政府办公室',
      version: 1,
    });
    // The office leader reads it as before.
    expect((await periodicals(leader)).map((p) => p.name)).toContain('番禺网信');

    const itemId = await receivedItem('门户稿');
    const issue = await editor.post('/api/periodicals/issues', {
      periodicalId: id,
      year: 2026,
      date: '2026-03-18',
      items: [{ itemId, title: '门户稿', body: '正文。' }],
    });
    expect(issue.statusCode).toBe(201);
    const issues = (await editor.get(`/api/periodicals/issues?periodicalId=${id}`)).json();
    expect(issues).toEqual([expect.objectContaining({ issueLine: '2026年第1期', itemCount: 1 })]);

    const { rows } = await readAudit(t.store.db, { objectType: 'periodical', objectId: String(id) }, 10, 0);
    expect(rows.map((r) => [r.action, r.action_label])).toEqual([['create_periodical', '新增刊物']]);
  });

  it('a change with the version read is saved and audited; a stale version is refused with 409 and changes nothing', async () => {
    const id = await create();
    const saved = await update(id, { name: ' 番禺网信专报 ', subtitle: '', issuer: '番禺区政务服务数据管理局' });
    expect(saved.statusCode).toBe(200);
    expect(await periodical(id)).toMatchObject({
      name: '番禺网信专报',
      subtitle: null,
      issuer: '番禺区政务服务数据管理局',
      version: 2,
    });
    const { rows } = await readAudit(t.store.db, { objectType: 'periodical', objectId: String(id) }, 10, 0);
    expect(rows[0].action).toBe('update_periodical');
    expect(rows[0].action_label).toBe('修改刊物设置');
    expect(JSON.parse(rows[0].before!)).toMatchObject({ name: '番禺网信', subtitle: '门户专刊' });
    expect(JSON.parse(rows[0].after!)).toMatchObject({ name: '番禺网信专报', subtitle: null });

    const stale = await editor.put(`/api/periodicals/${id}`, { ...NEW, name: '旧版本的修改', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('该刊物的设置已被他人修改，请刷新后重试');
    expect(await periodical(id)).toMatchObject({ name: '番禺网信专报', version: 2 });
    expect((await readAudit(t.store.db, { objectType: 'periodical', objectId: String(id) }, 10, 0)).total).toBe(2);
  });

  it('refuses an unknown outlet, a name already used and an empty name, and stores nothing', async () => {
    const before = await periodicals();
    const unknown = await editor.post('/api/periodicals', { ...NEW, outlet: 'newspaper' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('记入采用载体');

    const taken = await editor.post('/api/periodicals', { ...NEW, name: before[0].name });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toBe(`已有名为《${before[0].name}》的刊物，请换一个名称`);

    for (const name of ['', '   ']) {
      const empty = await editor.post('/api/periodicals', { ...NEW, name });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().message).toContain('刊物名称');
    }
    expect((await editor.post('/api/periodicals', { ...NEW, name: '长'.repeat(31) })).statusCode).toBe(400);
    expect((await editor.post('/api/periodicals', { ...NEW, issuer: '' })).statusCode).toBe(400);
    expect(await periodicals()).toEqual(before);

    // Renaming onto another periodical's name is refused too, and leaves both as they were.
    const id = await create();
    const renamed = await update(id, { name: before[0].name });
    expect(renamed.statusCode).toBe(409);
    expect(await periodical(id)).toMatchObject({ name: '番禺网信', version: 1 });
  });

  it('once an issue is published its outlet stays (its adoptions are recorded there), but the name may change', async () => {
    const id = await create();
    // Before any issue is published the outlet may change.
    expect((await update(id, { outlet: 'dynamic' })).statusCode).toBe(200);
    expect(await periodical(id)).toMatchObject({ outlet: 'dynamic', outletName: '《番府信息》(政务动态)' });

    const { issueId } = await approvedIssue(id, '发布稿');
    expect((await act(editor, issueId, 'publish')).statusCode).toBe(200);

    const moved = await update(id, { outlet: 'portal' });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().message).toContain('已有发布的期次');
    expect(moved.json().message).toContain('不能更改记入采用载体');
    expect(await periodical(id)).toMatchObject({ outlet: 'dynamic', version: 2 });

    expect((await update(id, { name: '番禺网信（改）' })).statusCode).toBe(200);
    expect(await periodical(id)).toMatchObject({ name: '番禺网信（改）', outlet: 'dynamic', version: 3 });
    // The issue's page shows the periodical by its current name.
    expect((await editor.get(`/api/periodicals/issues/${issueId}`)).json().periodical.name).toBe('番禺网信（改）');
  });

  // Two requests at once need two connections: PostgreSQL's (SQLite runs one writer at a time anyway).
  it.skipIf(dialect !== 'postgres')(
    'publishing waits for an outlet change under way, and records its adoptions where the periodical then says',
    async () => {
      const id = await create();
      const { itemId, issueId } = await approvedIssue(id, '并发稿');

      // Another editor's change of outlet is under way: its transaction holds the periodical.
      const { version } = await periodical(id);
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let taken!: () => void;
      const lockTaken = new Promise<void>((resolve) => (taken = resolve));
      const change = t.store.db.transaction().execute(async (trx) => {
        await lockPeriodical(trx, id);
        taken();
        await released;
        expect(await updatePeriodical(trx, id, version, { outlet: 'dynamic' })).toBe(true);
      });
      await lockTaken;
      const publishing = act(editor, issueId, 'publish');
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await change;
      expect((await publishing).statusCode).toBe(200);
      const adoptions = (await editor.get(`/api/items/${itemId}`)).json().adoptions as { outlet: string }[];
      expect(adoptions.map((a) => a.outlet)).toEqual([(await periodical(id)).outlet]);
      expect((await periodical(id)).outlet).toBe('dynamic');
    }
  );

  it('only the editor changes periodicals: the office leader and a unit officer are refused with 403', async () => {
    const id = await create();
    for (const client of [leader, officer]) {
      expect((await client.post('/api/periodicals', { ...NEW, name: '越权新增' })).statusCode).toBe(403);
      const { version } = await periodical(id);
      expect((await client.put(`/api/periodicals/${id}`, { ...NEW, name: '越权修改', version })).statusCode).toBe(403);
    }
    expect((await periodicals()).map((p) => p.name)).not.toContain('越权新增');
    expect(await periodical(id)).toMatchObject({ name: '番禺网信', version: 1 });
  });
});

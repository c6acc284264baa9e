import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import type { Role } from '../../src/shared/roles.js';
import { isDialectAvailable } from '../helpers/test-store.js';
import { DRAFT } from '../factories/item.factory.js';

describe.skipIf(!isDialectAvailable)('API: the reporting and editorial workflow', () => {
  let t: TestApp;
  let officer: ApiClient;
  let reviewer: ApiClient;
  let principal: ApiClient;
  let editor: ApiClient;
  let otherOfficer: ApiClient;

  beforeEach(async () => {
    t = await createTestApp();
    const login = (role: Role, unit: string | null = null) => signInNewUser(t, role, unit);
    officer = await login('officer', '沙湾镇');
    reviewer = await login('reviewer', '沙湾镇');
    principal = await login('principal', '沙湾镇');
    editor = await login('editor');
    otherOfficer = await login('officer', '石基镇');
  });
  afterEach(async () => t?.cleanup());

  const item = async (client: ApiClient, id: number) => (await client.get(`/api/items/${id}`)).json();
  const act = async (client: ApiClient, id: number, action: string, comment?: string) => {
    const { version } = await item(client, id);
    return client.post(`/api/items/${id}/transitions`, { action, version, ...(comment ? { comment } : {}) });
  };

  it('runs the whole cycle: draft, review, signature of a sensitive item, receipt, adoption with an instruction → +13 in the quarter', async () => {
    const created = await officer.post('/api/items', { ...DRAFT, isMajor: true });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    expect((await item(officer, id)).title).toBe('沙湾镇扎实推进防汛防风工作（政务信息）');

    expect((await act(officer, id, 'submit_for_review')).json().status).toBe('unit_review');
    expect((await act(reviewer, id, 'approve')).json()).toEqual({
      status: 'awaiting_signature',
      statusName: '待主要领导签发',
    });
    const unsigned = await act(principal, id, 'sign');
    expect(unsigned.statusCode).toBe(409);
    expect(unsigned.json().message).toBe('重大或敏感信息须先登记书面稿件，才能签发报送');
    expect(
      (
        await officer.post(`/api/items/${id}/paper-copy`, {
          version: (await item(officer, id)).version,
          date: '2026-03-02',
        })
      ).statusCode
    ).toBe(200);
    expect((await act(principal, id, 'sign')).json().status).toBe('submitted');

    expect((await act(editor, id, 'receive')).json().status).toBe('received');
    const adopted = await editor.post(`/api/items/${id}/adoptions`, {
      outlet: 'report',
      kind: 'research',
      date: '2026-03-05',
      issue: '2026年第5期',
    });
    expect(adopted.statusCode).toBe(201);
    const instruction = await editor.post(`/api/items/${id}/instructions`, {
      level: 'district',
      date: '2026-03-10',
      leader: '区长',
      text: '此信息很好，请发改局跟进。',
    });
    expect(instruction.json().warnings).toEqual([]);

    const scores = (await editor.get('/api/scores?year=2026&quarter=1')).json();
    const shawan = scores.units.find((u: { unit: string }) => u.unit === '沙湾镇');
    expect(shawan.quarters[0].points).toBe(13);
    expect(scores.quarter).toBe(1);
    const explained = (await officer.get(`/api/scores/explain?unit=${encodeURIComponent('沙湾镇')}&year=2026`)).json();
    expect(explained.bookings.map((b: { points: number; rule: string }) => [b.points, b.rule])).toEqual([
      [8, 'adoption:report:research'],
      [5, 'district_instruction'],
    ]);

    const detail = await item(officer, id);
    expect(detail).toMatchObject({
      status: 'adopted',
      signer: expect.any(String),
      points: 13,
      paperCopyOn: '2026-03-02',
    });
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'submit_for_review',
      'approve',
      'paper_copy',
      'sign',
      'receive',
      'adopt',
      'instruction',
    ]);
  });

  it('filters the inbox by state, unit, series, category, dates and two-character words', async () => {
    const first = (await officer.post('/api/items', DRAFT)).json().id;
    const second = (
      await officer.post('/api/items', { ...DRAFT, title: '沙湾镇推进垃圾分类_100%', body: '分类投放。' })
    ).json().id;
    for (const id of [first, second]) {
      await act(officer, id, 'submit_for_review');
      await act(reviewer, id, 'approve');
    }
    await act(editor, first, 'receive');
    const titles = async (query: string) =>
      (await editor.get(`/api/items?${query}`)).json().items.map((i: { title: string }) => i.title);
    expect(await titles(`q=${encodeURIComponent('防汛')}`)).toEqual(['沙湾镇扎实推进防汛防风工作（政务信息）']);
    expect(await titles(`q=${encodeURIComponent('_100%')}`)).toEqual(['沙湾镇推进垃圾分类_100%（政务信息）']);
    expect(await titles(`q=${encodeURIComponent('%')}`)).toHaveLength(1);
    expect(await titles('status=received')).toHaveLength(1);
    expect(await titles('series=town&from=2026-03-20&to=2026-03-20')).toHaveLength(2);
    expect(await titles('series=dept_a')).toHaveLength(0);
    expect(await titles(`category=${encodeURIComponent('本单位主要工作进展')}&status=submitted`)).toEqual([
      '沙湾镇推进垃圾分类_100%（政务信息）',
    ]);
    expect((await editor.get('/api/items?pageSize=1&page=2')).json()).toMatchObject({
      total: 2,
      page: 2,
      items: [{ title: '沙湾镇扎实推进防汛防风工作（政务信息）' }],
    });
    expect((await otherOfficer.get(`/api/items?q=${encodeURIComponent('防汛')}`)).json().total).toBe(0);
  });

  it('undoing an adoption takes its points away', async () => {
    const { id } = (await officer.post('/api/items', DRAFT)).json();
    await act(officer, id, 'submit_for_review');
    expect((await act(reviewer, id, 'approve')).json().status).toBe('submitted');
    await act(editor, id, 'receive');
    const adoption = (
      await editor.post(`/api/items/${id}/adoptions`, { outlet: 'dynamic', date: '2026-03-05' })
    ).json();
    expect((await item(editor, id)).points).toBe(3);
    expect((await editor.delete(`/api/items/${id}/adoptions/${adoption.id}`)).statusCode).toBe(200);
    expect(await item(editor, id)).toMatchObject({ points: 0, status: 'received' });
  });

  it('never lets the public portal adopt a non-public item', async () => {
    const { id } = (await officer.post('/api/items', { ...DRAFT, isPublic: false })).json();
    await act(officer, id, 'submit_for_review');
    await act(reviewer, id, 'approve');
    await act(editor, id, 'receive');
    const refused = await editor.post(`/api/items/${id}/adoptions`, { outlet: 'portal', date: '2026-03-05' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe('该稿件标注为“不予公开”，不能被区政府门户网站采用');
    expect(
      (await editor.post(`/api/items/${id}/adoptions`, { outlet: 'dynamic', date: '2026-03-05' })).statusCode
    ).toBe(201);
  });

  it('returns with a reason, withdraws before receipt, and refuses actions out of turn', async () => {
    const { id } = (await officer.post('/api/items', DRAFT)).json();
    expect((await act(reviewer, id, 'approve')).statusCode).toBe(409);
    await act(officer, id, 'submit_for_review');
    const noReason = await act(reviewer, id, 'return_to_officer');
    expect(noReason.json().message).toBe('“退回信息员修改”须填写理由');
    expect((await act(reviewer, id, 'return_to_officer', '数据需核实')).json().status).toBe('returned');
    expect((await item(officer, id)).returnReason).toBe('数据需核实');
    await act(officer, id, 'submit_for_review');
    await act(reviewer, id, 'approve');
    expect((await act(officer, id, 'withdraw')).json().status).toBe('draft');
    expect((await editor.get(`/api/items/${id}`)).statusCode).toBe(404);
    const forbidden = await act(officer, id, 'receive');
    expect(forbidden.statusCode).toBe(403);
  });

  it('checks every element of the policy when drafting', async () => {
    const classified = await officer.post('/api/items', { ...DRAFT, secrecy: '机密' });
    expect(classified.statusCode).toBe(400);
    expect(classified.json().message).toContain('涉密信息（机密）不得通过本系统报送');
    const noSource = await officer.post('/api/items', { ...DRAFT, isOutsideRemit: true, phone: '12345' });
    expect(noSource.json().fields.map((f: { field: string }) => f.field)).toEqual(['phone', 'source']);
    const missing = await officer.post('/api/items', { ...DRAFT, reporter: undefined, category: '其他' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.map((f: { label: string }) => f.label)).toEqual(
      expect.arrayContaining(['报送人', '内容类别'])
    );
    const long = await officer.post('/api/items', { ...DRAFT, body: '字'.repeat(451) });
    expect(long.statusCode).toBe(201);
    expect(long.json().warnings).toEqual(['正文 451 字，超过一般 450 字的要求；详细材料请作为 Word 附件报送']);
  });

  it('keeps each unit to its own items: another unit reading, changing or guessing an id gets 404', async () => {
    const { id } = (await officer.post('/api/items', DRAFT)).json();
    const version = (await item(officer, id)).version;
    for (const response of [
      await otherOfficer.get(`/api/items/${id}`),
      await otherOfficer.put(`/api/items/${id}`, { ...DRAFT, version }),
      await otherOfficer.post(`/api/items/${id}/transitions`, { action: 'submit_for_review', version }),
      await otherOfficer.get(`/api/items/${id}/attachments/1`),
      await otherOfficer.get(`/api/items/${id + 1000}`),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().message).toBe('稿件不存在');
    }
    expect((await otherOfficer.get('/api/items')).json().total).toBe(0);
    expect((await officer.get('/api/items')).json().total).toBe(1);
    expect((await item(officer, id)).version).toBe(version);
    const explain = await otherOfficer.get(`/api/scores/explain?unit=${encodeURIComponent('沙湾镇')}&year=2026`);
    expect(explain.statusCode).toBe(404);
    const denied = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'object_type', 'outcome'])
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses an edit at a stale version with 409 and keeps the newer text', async () => {
    const { id } = (await officer.post('/api/items', DRAFT)).json();
    const { version } = await item(officer, id);
    expect((await officer.put(`/api/items/${id}`, { ...DRAFT, version, title: '第一次修改' })).statusCode).toBe(200);
    const stale = await officer.put(`/api/items/${id}`, { ...DRAFT, version, title: '第二次修改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ message: '稿件已被他人修改，请刷新后重试', currentVersion: version + 1 });
    expect((await item(officer, id)).title).toBe('第一次修改（政务信息）');
  });

  it('accepts Word, PDF and images checked by content, and refuses anything else', async () => {
    const { id } = (await officer.post('/api/items', DRAFT)).json();
    const upload = (name: string, content: Buffer) => {
      const boundary = '----govinfo';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return officer.request('POST', `/api/items/${id}/attachments`, payload, {
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    const pdf = Buffer.from('%PDF-1.4\n%…\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const created = await upload('汛情报告.pdf', pdf);
    expect(created.statusCode).toBe(201);
    const download = await officer.get(`/api/items/${id}/attachments/${created.json().id}`);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''%E6%B1%9B");
    expect(download.rawPayload.equals(pdf)).toBe(true);

    const script = await upload('report.pdf', Buffer.from('<script>alert(1)</script>'));
    expect(script.statusCode).toBe(400);
    expect(script.json().message).toBe('附件只能是 Word（.docx、.doc）、PDF、JPG 或 PNG 文件');
    const renamed = await upload('photo.png', pdf);
    expect(renamed.json().message).toBe('附件“photo.png”的扩展名与文件内容（PDF）不符');
    expect((await item(officer, id)).attachments).toHaveLength(1);
  });
});

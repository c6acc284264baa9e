import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/services/audit/verify-audit.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

const NOTICE_TABLES = ['notices', 'notice_units', 'notice_attachments', 'notice_reminders'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

describe.skipIf(!isDialectAvailable)('API: 信息工作通知', () => {
  let t: TestApp;
  let editor: ApiClient;
  let leader: ApiClient;
  let shawanOfficer: ApiClient;
  let shawanPrincipal: ApiClient;
  let shijiOfficer: ApiClient;
  let deptOfficer: ApiClient;
  let units: { id: number; name: string; series: string }[];

  const unitId = (name: string) => units.find((u) => u.name === name)!.id;
  const upload = (client: ApiClient, noticeId: number, name: string, content: Buffer) => {
    const boundary = '----govinfo';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return client.request('POST', `/api/notices/${noticeId}/attachments`, payload, {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  };
  const post = async (body: Record<string, unknown>) => {
    const created = await editor.post('/api/notices', {
      title: '关于调整信息报送方式的通知',
      body: '自即日起……',
      kind: 'submission_change',
      ...body,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    return id;
  };
  const publish = async (id: number) => {
    const posted = await editor.post(`/api/notices/${id}/publish`);
    expect(posted.statusCode, posted.body).toBe(200);
    return posted.json() as { unitCount: number };
  };
  const rowCounts = async () => {
    const counts: Record<string, number> = {};
    for (const table of NOTICE_TABLES) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.store.db);
      counts[table] = Number(rows[0].n);
    }
    return counts;
  };

  beforeEach(async () => {
    t = await createTestApp();
    editor = await signInNewUser(t, 'editor');
    leader = await signInNewUser(t, 'office_leader');
    shawanOfficer = await signInNewUser(t, 'officer', '沙湾镇');
    shawanPrincipal = await signInNewUser(t, 'principal', '沙湾镇');
    shijiOfficer = await signInNewUser(t, 'officer', '石基镇');
    deptOfficer = await signInNewUser(t, 'officer', '区发改局');
    units = (await editor.get('/api/units')).json();
  });
  afterEach(async () => t?.cleanup());

  it('a notice to a series reaches exactly that series’ units; a unit outside gets 404, audited', async () => {
    const id = await post({
      audience: 'series',
      seriesCode: 'town',
      kind: 'meeting',
      title: '关于召开镇街信息工作会议的通知',
    });
    // A draft is the editor's alone.
    expect((await shawanOfficer.get('/api/notices')).json()).toEqual([]);
    const { unitCount } = await publish(id);
    const town = units.filter((u) => u.series === 'town').map((u) => u.id);
    expect(unitCount).toBe(town.length);

    const detail = (await editor.get(`/api/notices/${id}`)).json();
    expect(detail.units.map((u: { unitId: number }) => u.unitId).sort()).toEqual([...town].sort());
    expect(detail.audienceName).toBe('镇(街)序列');

    const mine = (await shawanOfficer.get('/api/notices')).json();
    expect(mine).toEqual([expect.objectContaining({ id, kindName: '会议', readAt: null, readCount: null })]);
    expect((await shawanOfficer.get(`/api/notices/${id}`)).json()).toMatchObject({ units: null, readAt: null });

    expect((await deptOfficer.get('/api/notices')).json()).toEqual([]);
    const denied = await deptOfficer.get(`/api/notices/${id}`);
    expect(denied.statusCode).toBe(404);
    expect(denied.json().message).toBe('通知不存在');
    expect((await deptOfficer.post(`/api/notices/${id}/reads`)).statusCode).toBe(404);
    const { rows } = await sql<{ action: string; outcome: string; object_type: string }>`
      select action, outcome, object_type from audit_log where object_type = 'notice' and outcome = 'denied'`.execute(
      t.store.db
    );
    expect(rows.length).toBe(2);
    expect(await verifyAudit(t.store.db)).toMatchObject({ ok: true });
  });

  it('a unit confirms once for the unit; the editor and office leaders see who read it; reminders reach only the unread', async () => {
    const id = await post({ audience: 'units', unitIds: [unitId('沙湾镇'), unitId('石基镇'), unitId('区发改局')] });
    await publish(id);
    // Posted notices are fixed.
    expect((await editor.post(`/api/notices/${id}/publish`)).statusCode).toBe(409);
    expect((await upload(editor, id, '补充.pdf', PDF)).statusCode).toBe(409);

    const read = await shawanPrincipal.post(`/api/notices/${id}/reads`);
    expect(read.statusCode).toBe(200);
    // A second person of the unit changes nothing: the first confirmation stands.
    const again = await shawanOfficer.post(`/api/notices/${id}/reads`);
    expect(again.json()).toEqual(read.json());

    const status = (await leader.get(`/api/notices/${id}`)).json();
    const byName = (name: string) => status.units.find((u: { unit: string }) => u.unit === name);
    expect(byName('沙湾镇').readAt).toBe(read.json().readAt);
    expect(byName('沙湾镇').readBy).toBe(read.json().readBy);
    expect(byName('石基镇').readAt).toBeNull();
    expect((await editor.get('/api/notices')).json()[0]).toMatchObject({ id, unitCount: 3, readCount: 1 });

    t.clock.advance(60_000);
    const reminded = await editor.post(`/api/notices/${id}/reminders`);
    expect(reminded.statusCode).toBe(200);
    expect(reminded.json().unitCount).toBe(2);
    const after = (await editor.get(`/api/notices/${id}`)).json();
    const remindedUnits = after.units.filter((u: { remindedAt: string | null }) => u.remindedAt !== null);
    expect(remindedUnits.map((u: { unit: string }) => u.unit).sort()).toEqual(['区发改局', '石基镇'].sort());
    expect(after.reminders).toEqual([expect.objectContaining({ unitCount: 2 })]);
    expect((await shijiOfficer.get('/api/notices')).json()[0].remindedAt).toBe(reminded.json().remindedAt);
    expect((await shawanOfficer.get('/api/notices')).json()[0].remindedAt).toBeNull();

    await shijiOfficer.post(`/api/notices/${id}/reads`);
    await deptOfficer.post(`/api/notices/${id}/reads`);
    const none = await editor.post(`/api/notices/${id}/reminders`);
    expect(none.statusCode).toBe(409);
    expect(none.json().message).toBe('所有单位均已确认阅读，无需提醒');
    expect(await verifyAudit(t.store.db)).toMatchObject({ ok: true });
  });

  it('attachments are checked by content; addressed units and the district office download them, others get 404', async () => {
    const id = await post({ audience: 'units', unitIds: [unitId('沙湾镇')] });
    const before = await rowCounts();
    const script = await upload(editor, id, '会议议程.pdf', Buffer.from('#!/bin/sh\nrm -rf /\n'));
    expect(script.statusCode).toBe(400);
    expect(script.json().message).toContain('附件只能是');
    const renamed = await upload(editor, id, 'run.sh', PDF);
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().message).toContain('扩展名与文件内容');
    expect(await rowCounts()).toEqual(before);

    const added = await upload(editor, id, '会议议程.pdf', PDF);
    expect(added.statusCode).toBe(201);
    await publish(id);
    const url = `/api/notices/${id}/attachments/${added.json().id}`;
    const download = await shawanOfficer.get(url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await leader.get(url)).statusCode).toBe(200);
    expect((await shijiOfficer.get(url)).statusCode).toBe(404);
    expect((await shawanOfficer.get(`/api/notices/${id}`)).json().attachments).toEqual([
      expect.objectContaining({ filename: '会议议程.pdf', mediaType: 'application/pdf' }),
    ]);
  });

  it('refuses bad input with Chinese messages and stores nothing', async () => {
    const before = await rowCounts();
    const cases: [Record<string, unknown>, string][] = [
      [{ audience: 'units', unitIds: [] }, '请至少选择一个接收通知的单位'],
      [{ audience: 'units', unitIds: [999_999] }, '指定单位中有不存在的单位'],
      [{ audience: 'series' }, '请选择接收通知的序列'],
      [{ audience: 'series', seriesCode: 'nope' }, '序列不存在'],
      [{ audience: 'all', unitIds: [1] }, '只有发送给指定单位时才选择单位'],
      [{ audience: 'all', title: '   ' }, '通知标题不能为空'],
    ];
    for (const [body, message] of cases) {
      const refused = await editor.post('/api/notices', { title: '通知', body: '正文', kind: 'other', ...body });
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().message).toContain(message);
    }
    const schema = await editor.post('/api/notices', { title: '', body: '正文', kind: 'party', audience: 'all' });
    expect(schema.statusCode).toBe(400);
    expect(schema.json().message).toMatch(/通知标题|通知类别/);
    expect(
      (await shawanOfficer.post('/api/notices', { title: '通知', body: '正文', kind: 'other', audience: 'all' }))
        .statusCode
    ).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });
});

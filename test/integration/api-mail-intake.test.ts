import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertContact } from '../../src/db/repositories/registry.repository.js';
import { findUnitByName } from '../../src/db/repositories/unit-lookup.repository.js';
import { buildEml } from '../helpers/eml-builder.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

const OFFICER = 'officer@shiji.example.gov.cn';

function upload(client: ApiClient, files: { name: string; data: Buffer }[]) {
  const boundary = '----govinfo-mail';
  const payload = Buffer.concat([
    ...files.flatMap((file) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: message/rfc822\r\n\r\n`
      ),
      file.data,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return client.request('POST', '/api/mail/intake', payload, {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe.skipIf(!isDialectAvailable)('mail intake on the inbox page and the quarantine (隔离区)', () => {
  let t: TestApp;
  let editor: ApiClient;
  let shiji: number;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await signInNewUser(t, 'editor');
    shiji = (await findUnitByName(t.store.db, '石基镇'))!.id;
    const at = t.clock.now().toISOString();
    await insertContact(t.store.db, {
      unit_id: shiji,
      duty: 'officer',
      name: '石信息',
      post: '科员',
      office_phone: null,
      mobile: null,
      staffing: 'civil_servant',
      notice_date: null,
      started_on: '2026-01-01',
      ended_on: null,
      created_at: at,
      updated_at: at,
      ref: null,
      email: OFFICER,
    });
  });
  afterAll(async () => t?.cleanup());

  it('takes uploaded .eml files in: received items in the inbox, the rest in quarantine', async () => {
    const good = buildEml({ from: OFFICER, subject: '石基镇开展防汛演练（政务信息）', text: '正文\n签发人：李镇长' });
    const stranger = buildEml({ from: 'nobody@example.com', subject: '来历不明（政务信息）', text: '正文' });
    const response = await upload(editor, [
      { name: '防汛.eml', data: good },
      { name: 'stranger.eml', data: stranger },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json();
    expect(answer).toEqual({
      accepted: [
        { file: '防汛.eml', item: expect.any(Number), unit: '石基镇', title: '石基镇开展防汛演练（政务信息）' },
      ],
      quarantined: [{ file: 'stranger.eml', reason: expect.stringContaining('nobody@example.com') }],
    });
    const item = (await editor.get(`/api/items/${answer.accepted[0].item}`)).json();
    expect(item).toMatchObject({ status: 'received', origin: 'mail', signer: '李镇长' });
    const inbox = (await editor.get('/api/items?status=received')).json();
    expect(inbox.items.map((r: { id: number }) => r.id)).toContain(answer.accepted[0].item);

    const again = (await upload(editor, [{ name: 'again.eml', data: good }])).json();
    expect(again).toEqual({
      accepted: [],
      quarantined: [{ file: 'again.eml', reason: expect.stringMatching(/^重复邮件/) }],
    });
  });

  it('lets the editor assign a quarantined message to a unit and import it, once', async () => {
    await upload(editor, [
      { name: 'assign.eml', data: buildEml({ from: 'home@example.com', subject: '从家里发的稿件', text: '正文' }) },
    ]);
    const list = (await editor.get('/api/mail/quarantine')).json();
    const row = list.rows.find((r: { fileName: string }) => r.fileName === 'assign.eml');
    expect(row).toMatchObject({ sender: 'home@example.com', status: 'quarantined', reason: expect.any(String) });

    const imported = await editor.post(`/api/mail/quarantine/${row.id}/import`, {
      version: row.version,
      unitId: shiji,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ item: expect.any(Number), unit: '石基镇', title: '从家里发的稿件（政务信息）' });
    const twice = await editor.post(`/api/mail/quarantine/${row.id}/import`, { version: row.version, unitId: shiji });
    expect(twice.statusCode).toBe(409);
    const after = (await editor.get('/api/mail/quarantine')).json();
    expect(after.rows.map((r: { id: number }) => r.id)).not.toContain(row.id);
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'object_id'])
      .where('action', '=', 'mail_quarantine_import')
      .execute();
    expect(audit).toEqual([{ action: 'mail_quarantine_import', object_id: String(row.id) }]);
  });

  it('lets the editor reject a quarantined message with a reason, and refuses importing several items', async () => {
    await upload(editor, [
      {
        name: 'two.eml',
        data: buildEml({ from: OFFICER, subject: '两则', text: '甲（政务信息）\n正文\n乙（政务信息）\n正文' }),
      },
    ]);
    const row = (await editor.get('/api/mail/quarantine'))
      .json()
      .rows.find((r: { fileName: string }) => r.fileName === 'two.eml');
    expect(row.reason).toMatch(/一封邮件只能报送1条信息/);
    const importing = await editor.post(`/api/mail/quarantine/${row.id}/import`, {
      version: row.version,
      unitId: shiji,
    });
    expect(importing.statusCode).toBe(409);
    expect(importing.json().message).toMatch(/只能退回/);
    const noReason = await editor.post(`/api/mail/quarantine/${row.id}/reject`, { version: row.version, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const rejected = await editor.post(`/api/mail/quarantine/${row.id}/reject`, {
      version: row.version,
      reason: '请分两封邮件报送',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const list = (await editor.get('/api/mail/quarantine?status=rejected')).json();
    expect(list.rows).toEqual([
      expect.objectContaining({ id: row.id, status: 'rejected', decisionReason: '请分两封邮件报送' }),
    ]);
  });

  it('is the editor’s alone', async () => {
    const officer = await signInNewUser(t, 'officer', '石基镇');
    expect((await officer.get('/api/mail/quarantine')).statusCode).toBe(403);
    expect((await upload(officer, [{ name: 'x.eml', data: Buffer.from('x') }])).statusCode).toBe(403);
    expect((await upload(editor, [])).statusCode).toBe(400);
  });

  it('answers malformed requests with a 4xx, never a 5xx', async () => {
    expect((await editor.post('/api/mail/intake', { files: 'x' })).statusCode).toBe(400);
    const cut = await editor.request(
      'POST',
      '/api/mail/intake',
      Buffer.from('--b\r\nContent-Disposition: form-data; name="files"; filename="a.eml"\r\n\r\nFrom'),
      {
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
      }
    );
    expect(cut.statusCode).toBeGreaterThanOrEqual(400);
    expect(cut.statusCode).toBeLessThan(500);
    expect((await editor.post('/api/mail/quarantine/999999/import', { version: 1, unitId: shiji })).statusCode).toBe(
      404
    );
    expect((await editor.post('/api/mail/quarantine/999999/reject', { version: 1, reason: '理由' })).statusCode).toBe(
      404
    );
    expect((await editor.get('/api/mail/quarantine?status=imported')).statusCode).toBe(400);
  });
});

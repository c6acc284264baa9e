import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runOutboxTick } from '../../src/services/notifications/outbox-loop.js';
import { smtpTransport } from '../../src/services/notifications/smtp-transport.js';
import { DRAFT } from '../factories/item.factory.js';
import { buildEml } from '../helpers/eml-builder.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { TestSmtpServer } from '../helpers/smtp-server.js';
import { isDialectAvailable } from '../helpers/test-store.js';

const PUBLIC_URL = 'https://govinfo.example.gov.cn';
const FROM = 'govinfo@example.gov.cn';

describe.skipIf(!isDialectAvailable)('邮件通知: the outbox and its sender, against a real SMTP server', () => {
  const smtp = new TestSmtpServer();
  let t: TestApp;
  let editor: ApiClient;
  let units: { id: number; name: string }[];
  const unitId = (name: string) => units.find((u) => u.name === name)!.id;

  /** One round of the background sender, at the test clock's time. */
  const tick = async (url = smtp.url) => {
    const transport = smtpTransport({ url, from: FROM });
    try {
      return await runOutboxTick(t.store.db, { transport: transport.send, publicUrl: PUBLIC_URL }, t.clock.now());
    } finally {
      transport.close();
    }
  };
  const register = async (
    client: ApiClient,
    unit: string,
    duty: 'leader' | 'director' | 'officer',
    name: string,
    email: string | null,
    extra: Record<string, unknown> = {}
  ) => {
    const response = await client.post(`/api/units/${unitId(unit)}/contacts`, {
      duty,
      name,
      post: '科员',
      mobile: '13800000000',
      email,
      staffing: 'civil_servant',
      startedOn: '2026-01-01',
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as number;
  };
  const outbox = () => t.store.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();

  beforeAll(async () => smtp.start());
  afterAll(async () => smtp.stop());

  beforeEach(async () => {
    t = await createTestApp({
      mail: { smtpUrl: smtp.url, from: FROM, publicUrl: PUBLIC_URL, pollSeconds: 30, runSender: false },
    });
    editor = await signInNewUser(t, 'editor');
    units = (await editor.get('/api/units')).json();
    await register(editor, '沙湾镇', 'officer', '沙信息', 'officer@shawan.example.gov.cn');
    await register(editor, '沙湾镇', 'director', '沙主任', 'director@shawan.example.gov.cn');
    await register(editor, '沙湾镇', 'leader', '沙领导', 'leader@shawan.example.gov.cn');
    await register(editor, '石基镇', 'officer', '石信息', 'officer@shiji.example.gov.cn');
    // No address: nobody to write to.
    await register(editor, '石基镇', 'director', '石主任', null);
    await register(editor, '区发改局', 'officer', '发改信息', 'officer@fgj.example.gov.cn');
    smtp.take();
  });
  afterEach(async () => t?.cleanup());

  it('a new solicitation to two units mails their officers and directors, in Chinese, with the page address', async () => {
    const created = await editor.post('/api/solicitations', {
      issuer: 'district',
      title: '关于报送防汛工作信息的约稿',
      requirements: '突出工作成效',
      deadline: '2026-03-30',
      unitIds: [unitId('沙湾镇'), unitId('石基镇')],
    });
    expect(created.statusCode, created.body).toBe(201);
    // Nothing is sent by the request: it only wrote the outbox.
    expect(smtp.take()).toEqual([]);
    expect(await tick()).toMatchObject({ sent: 3, failed: 0 });
    const mails = smtp.take();
    expect(mails.map((m) => m.to)).toEqual([
      ['director@shawan.example.gov.cn'],
      ['officer@shawan.example.gov.cn'],
      ['officer@shiji.example.gov.cn'],
    ]);
    for (const mail of mails) {
      expect(mail.from).toBe(FROM);
      expect(mail.subject).toBe('【政务信息报送与考核系统】新约稿：关于报送防汛工作信息的约稿（2026-03-30 截止）');
      expect(mail.text).toContain('约稿要求：突出工作成效');
      expect(mail.text).toContain(`在系统中查看：${PUBLIC_URL}/unit/solicitations`);
    }
    expect(mails[0].text).toMatch(
      /^沙湾镇 沙主任：\n\n区政府办公室调研科向沙湾镇发布了约稿“关于报送防汛工作信息的约稿”/
    );
    expect((await outbox()).every((m) => m.status === 'sent' && m.attempts === 1 && m.sent_at !== null)).toBe(true);
    // A second round sends nothing again.
    expect(await tick()).toMatchObject({ sent: 0 });
  });

  it('an item returned for revision mails its unit’s officer with the reason', async () => {
    const officer = await signInNewUser(t, 'officer', '沙湾镇');
    const reviewer = await signInNewUser(t, 'reviewer', '沙湾镇');
    const draft = await officer.post('/api/items', { ...DRAFT, title: '沙湾镇开展古镇保护行动（政务信息）' });
    expect(draft.statusCode, draft.body).toBe(201);
    const { id } = draft.json();
    expect((await officer.transition(id, 'submit_for_review')).statusCode).toBe(200);
    expect((await reviewer.transition(id, 'approve')).statusCode).toBe(200);
    expect((await editor.transition(id, 'receive')).statusCode).toBe(200);
    expect((await editor.transition(id, 'return_for_revision', '请补充具体数据')).statusCode).toBe(200);
    await tick();
    const [mail, ...more] = smtp.take();
    expect(more).toEqual([]);
    expect(mail.to).toEqual(['officer@shawan.example.gov.cn']);
    expect(mail.subject).toBe('【政务信息报送与考核系统】稿件被退回：沙湾镇开展古镇保护行动（政务信息）');
    expect(mail.text).toContain('退回理由：请补充具体数据');
    expect(mail.text).toContain(`${PUBLIC_URL}/items/${id}`);
  });

  it('results published mail every unit’s officers and directors; a notice mails the officers of its units only', async () => {
    const leader = await signInNewUser(t, 'office_leader');
    expect((await editor.post('/api/results', { year: 2025, quarter: 4 })).statusCode).toBe(201);
    const publication = (await editor.get('/api/results'))
      .json()
      .find((p: { year: number; quarter: number }) => p.year === 2025 && p.quarter === 4);
    expect(
      (await leader.post(`/api/results/${publication.id}/approve`, { version: publication.version })).statusCode
    ).toBe(200);
    await tick();
    const results = smtp.take();
    expect(results.map((m) => m.to[0])).toEqual([
      'director@shawan.example.gov.cn',
      'officer@fgj.example.gov.cn',
      'officer@shawan.example.gov.cn',
      'officer@shiji.example.gov.cn',
    ]);
    expect(results[0].subject).toBe('【政务信息报送与考核系统】2025 年第 4 季度政务信息工作考核结果已发布');

    const notice = await editor.post('/api/notices', {
      title: '关于召开信息工作会议的通知',
      body: '定于下周召开。',
      kind: 'meeting',
      audience: 'units',
      unitIds: [unitId('石基镇'), unitId('区发改局')],
    });
    expect(notice.statusCode, notice.body).toBe(201);
    expect((await editor.post(`/api/notices/${notice.json().id}/publish`)).statusCode).toBe(200);
    await tick();
    const notices = smtp.take();
    expect(notices.map((m) => m.to[0])).toEqual(['officer@fgj.example.gov.cn', 'officer@shiji.example.gov.cn']);
    expect(notices[0].subject).toBe('【政务信息报送与考核系统】信息工作通知：关于召开信息工作会议的通知');
    expect(notices[0].text).toContain(`${PUBLIC_URL}/notices/${notice.json().id}`);
  });

  it('a message with several items from a registered person mails the unit’s officer; an unknown sender nothing', async () => {
    const upload = (files: { name: string; data: Buffer }[]) => {
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
      return editor.request('POST', '/api/mail/intake', payload, {
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    const response = await upload([
      {
        name: 'two.eml',
        data: buildEml({
          from: 'director@shawan.example.gov.cn',
          subject: '两则信息',
          text: '甲（政务信息）\n正文甲\n乙（政务信息）\n正文乙',
        }),
      },
      {
        name: 'stranger.eml',
        data: buildEml({ from: 'someone@example.com', subject: '稿件', text: '甲（政务信息）\n正文' }),
      },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().quarantined).toHaveLength(2);
    await tick();
    const [mail, ...more] = smtp.take();
    expect(more).toEqual([]);
    // The unit's officer is told, not the sender (a director) and never the unknown address.
    expect(mail.to).toEqual(['officer@shawan.example.gov.cn']);
    expect(mail.subject).toBe('【政务信息报送与考核系统】报送邮件未导入：两则信息');
    expect(mail.text).toContain('已放入隔离区');
    expect(mail.text).toMatch(/原因：一封邮件只能报送1条信息/);
    expect((await outbox()).map((m) => m.recipient_email)).toEqual(['officer@shawan.example.gov.cn']);
  });

  it('reminds units that have not answered two days before the deadline and on the day, once each however often it runs', async () => {
    // The test clock is 2026-03-20 in China. 沙湾镇 answers at once; 石基镇 does not.
    const created = await editor.post('/api/solicitations', {
      issuer: 'city',
      title: '市政府约稿',
      deadline: '2026-03-22',
      unitIds: [unitId('石基镇'), unitId('沙湾镇')],
    });
    expect(created.statusCode).toBe(201);
    const officer = await signInNewUser(t, 'officer', '沙湾镇');
    const reviewer = await signInNewUser(t, 'reviewer', '沙湾镇');
    const { id: itemId } = (await officer.post('/api/items', DRAFT)).json();
    expect((await officer.transition(itemId, 'submit_for_review')).statusCode).toBe(200);
    expect((await reviewer.transition(itemId, 'approve')).statusCode).toBe(200);
    const answered = await officer.post(`/api/solicitations/${created.json().id}/responses`, { itemId });
    expect(answered.statusCode, answered.body).toBe(201);
    await tick();
    const NEW = '【政务信息报送与考核系统】新约稿：市政府约稿（2026-03-22 截止）';
    expect(smtp.take().map((m) => [m.to[0], m.subject])).toEqual([
      ['director@shawan.example.gov.cn', NEW],
      ['officer@shawan.example.gov.cn', NEW],
      ['officer@shiji.example.gov.cn', NEW],
      ['officer@shiji.example.gov.cn', '【政务信息报送与考核系统】约稿截止提醒：市政府约稿（2 天后截止）'],
    ]);
    await tick();
    expect(smtp.take()).toEqual([]);
    t.clock.advance(3600_000);
    // Two days before: a reminder was enqueued and sent on the first tick; nothing more later the same day.
    await tick();
    expect(await outbox()).toHaveLength(4);
    const reminders = (await outbox()).filter((m) => m.kind === 'solicitation_due');
    expect(reminders.map((m) => [m.recipient_email, m.subject, m.status])).toEqual([
      ['officer@shiji.example.gov.cn', '【政务信息报送与考核系统】约稿截止提醒：市政府约稿（2 天后截止）', 'sent'],
    ]);
    t.clock.advance(86_400_000);
    await tick();
    expect(smtp.take()).toEqual([]);
    t.clock.advance(86_400_000);
    await tick();
    await tick();
    const onTheDay = smtp.take();
    expect(onTheDay.map((m) => [m.to[0], m.subject])).toEqual([
      ['officer@shiji.example.gov.cn', '【政务信息报送与考核系统】约稿截止提醒：市政府约稿（今天截止）'],
    ]);
    expect(onTheDay[0].text).toContain('石基镇尚未报送回复此约稿的稿件');
    t.clock.advance(86_400_000);
    await tick();
    expect(smtp.take()).toEqual([]);
  });

  it('a person who turns a kind off stops receiving it; others of the unit still do', async () => {
    const officer = await signInNewUser(t, 'officer', '沙湾镇');
    const second = await register(officer, '沙湾镇', 'officer', '沙信息二', 'second@shawan.example.gov.cn', {
      mailOptOut: ['solicitation_new'],
    });
    const registry = (await officer.get('/api/registry')).json();
    const mine = registry[0].contacts.find((c: { id: number }) => c.id === second);
    expect(mine.mailOptOut).toEqual(['solicitation_new']);
    // Another unit's officer may not change it.
    const stranger = await signInNewUser(t, 'officer', '石基镇');
    expect((await stranger.put(`/api/contacts/${second}/mail-opt-outs`, { optOut: [] })).statusCode).toBe(404);
    expect(
      (await officer.put(`/api/contacts/${second}/mail-opt-outs`, { optOut: ['notice_posted', 'solicitation_new'] }))
        .statusCode
    ).toBe(200);
    const notice = await editor.post('/api/notices', {
      title: '通知',
      body: '正文。',
      kind: 'meeting',
      audience: 'units',
      unitIds: [unitId('沙湾镇')],
    });
    await editor.post(`/api/notices/${notice.json().id}/publish`);
    await editor.post('/api/solicitations', {
      issuer: 'district',
      title: '约稿',
      deadline: '2026-04-30',
      unitIds: [unitId('沙湾镇')],
    });
    await tick();
    expect(smtp.take().map((m) => [m.to[0], m.subject.replace(/：.*/u, '')])).toEqual([
      ['director@shawan.example.gov.cn', '【政务信息报送与考核系统】新约稿'],
      ['officer@shawan.example.gov.cn', '【政务信息报送与考核系统】信息工作通知'],
      ['officer@shawan.example.gov.cn', '【政务信息报送与考核系统】新约稿'],
    ]);
    // Turned on again, it is received again.
    expect((await officer.put(`/api/contacts/${second}/mail-opt-outs`, { optOut: [] })).statusCode).toBe(200);
    await editor.post('/api/solicitations', {
      issuer: 'district',
      title: '又一约稿',
      deadline: '2026-04-30',
      unitIds: [unitId('沙湾镇')],
    });
    await tick();
    expect(smtp.take().map((m) => m.to[0])).toContain('second@shawan.example.gov.cn');
  });

  it('a refused message is kept and tried again after the wait; after the last try it is failed, shown to the administrator and sent again on request', async () => {
    smtp.refuse.add('officer@shiji.example.gov.cn');
    await editor.post('/api/solicitations', {
      issuer: 'district',
      title: '约稿甲',
      deadline: '2026-04-30',
      unitIds: [unitId('石基镇')],
    });
    expect(await tick()).toMatchObject({ sent: 0, failed: 1 });
    let [message] = await outbox();
    expect(message).toMatchObject({ status: 'pending', attempts: 1, sent_at: null });
    expect(message.last_error).toMatch(/450/);
    expect(message.next_attempt_at).toBe(new Date(t.clock.time + 60_000).toISOString());
    // Not before the wait.
    t.clock.advance(30_000);
    expect(await tick()).toMatchObject({ sent: 0, failed: 0 });
    t.clock.advance(30_000);
    expect(await tick()).toMatchObject({ failed: 1 });
    [message] = await outbox();
    expect(message.attempts).toBe(2);
    expect(message.next_attempt_at).toBe(new Date(t.clock.time + 5 * 60_000).toISOString());
    // Tried until the last attempt, then failed and kept.
    for (let i = 0; i < 8; i++) {
      t.clock.advance(6 * 3600_000);
      await tick();
    }
    [message] = await outbox();
    expect(message).toMatchObject({ status: 'failed', attempts: 10 });
    t.clock.advance(7 * 3600_000);
    expect(await tick()).toMatchObject({ sent: 0, failed: 0 });
    expect(smtp.take()).toEqual([]);

    const admin = await signInNewUser(t, 'sys_admin');
    const page = (await admin.get('/api/admin/outbox?status=failed')).json();
    expect(page).toMatchObject({ configured: true, from: FROM, counts: { pending: 0, sent: 0, failed: 1 }, total: 1 });
    expect(page.rows[0]).toMatchObject({
      id: message.id,
      kind: 'solicitation_new',
      kindName: '新约稿',
      recipient: 'officer@shiji.example.gov.cn',
      unit: '石基镇',
      status: 'failed',
      statusName: '发送失败',
      attempts: 10,
      lastError: expect.stringMatching(/450/),
      sentAt: null,
    });
    expect((await (await signInNewUser(t, 'editor')).get('/api/admin/outbox')).statusCode).toBe(403);
    smtp.refuse.clear();
    expect((await admin.post(`/api/admin/outbox/${message.id}/retry`)).statusCode).toBe(200);
    expect((await admin.post(`/api/admin/outbox/${message.id}/retry`)).statusCode).toBe(409);
    expect(await tick()).toMatchObject({ sent: 1 });
    expect(smtp.take().map((m) => m.to[0])).toEqual(['officer@shiji.example.gov.cn']);
    expect((await admin.get('/api/admin/outbox')).json().counts).toEqual({ pending: 0, sent: 1, failed: 0 });
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'object_type', 'object_id'])
      .where('action', '=', 'retry_mail')
      .execute();
    expect(audit).toEqual([{ action: 'retry_mail', object_type: 'mail_outbox', object_id: String(message.id) }]);
  });

  it('with the SMTP server down the request succeeds; the message waits and is sent once the server is back', async () => {
    const down = new TestSmtpServer();
    await down.start();
    const url = down.url;
    await down.stop();
    const created = await editor.post('/api/solicitations', {
      issuer: 'district',
      title: '约稿乙',
      deadline: '2026-04-30',
      unitIds: [unitId('区发改局')],
    });
    expect(created.statusCode).toBe(201);
    expect(await tick(url)).toMatchObject({ failed: 1 });
    const [message] = await outbox();
    expect(message).toMatchObject({ status: 'pending', attempts: 1 });
    expect(message.last_error).toMatch(/ECONNREFUSED/);
    t.clock.advance(60_000);
    expect(await tick()).toMatchObject({ sent: 1 });
    expect(smtp.take().map((m) => m.to[0])).toEqual(['officer@fgj.example.gov.cn']);
  });
});

describe.skipIf(!isDialectAvailable)('邮件通知: the server’s background sender', () => {
  it('sends by itself while the server runs, says when SMTP is not configured, and stops when the server closes', async () => {
    const smtp = new TestSmtpServer();
    await smtp.start();
    const t = await createTestApp({
      mail: { smtpUrl: smtp.url, from: FROM, publicUrl: null, pollSeconds: 0.05 },
    });
    try {
      await t.app.ready();
      const editor = await signInNewUser(t, 'editor');
      const units: { id: number; name: string }[] = (await editor.get('/api/units')).json();
      const shiji = units.find((u) => u.name === '石基镇')!.id;
      await editor.post(`/api/units/${shiji}/contacts`, {
        duty: 'officer',
        name: '石信息',
        post: '科员',
        mobile: '13800000000',
        email: 'officer@shiji.example.gov.cn',
        staffing: 'civil_servant',
        startedOn: '2026-01-01',
      });
      await editor.post('/api/solicitations', { issuer: 'district', title: '约稿丙', deadline: '2026-04-30' });
      for (let i = 0; i < 100 && smtp.received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      const [mail] = smtp.take();
      expect(mail.to).toEqual(['officer@shiji.example.gov.cn']);
      // No public address configured: no link.
      expect(mail.text).not.toContain('在系统中查看');
    } finally {
      await t.cleanup();
      await smtp.stop();
    }

    const unconfigured = await createTestApp({ mail: { smtpUrl: null, from: null, publicUrl: null, pollSeconds: 30 } });
    try {
      const admin = await signInNewUser(unconfigured, 'sys_admin');
      expect((await admin.get('/api/admin/outbox')).json()).toMatchObject({ configured: false, from: null, total: 0 });
    } finally {
      await unconfigured.cleanup();
    }
  });
});

/**
 * Polling the district's mailbox over IMAP against a real Dovecot: messages appended to INBOX are
 * taken in as the upload path takes .eml files, then moved to 已导入 or 隔离; nothing is deleted,
 * nothing is imported twice, and a failure changes nothing.
 */
import { ImapFlow } from 'imapflow';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { Store } from '../../src/db/connect.js';
import { findItem, listAttachments, listItemEvents } from '../../src/db/repositories/item.repository.js';
import { insertContact } from '../../src/db/repositories/registry.repository.js';
import { findUnitByName } from '../../src/db/repositories/unit-lookup.repository.js';
import { readMailboxSettings, type MailboxAddress } from '../../src/domain/mailbox-address.js';
import { connectImapMailbox, MailboxError } from '../../src/mail/imap-mailbox.js';
import { intakeMail } from '../../src/services/mail/intake-mail.js';
import { pollMailbox } from '../../src/services/mail/poll-mailbox.js';
import { buildEml, docxWith, DOCX_TYPE } from '../helpers/eml-builder.js';
import { freePort, isDovecotAvailable, startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { createTestApp, signInNewUser, type TestApp } from '../helpers/test-app.js';
import { createTestStore, isDialectAvailable } from '../helpers/test-store.js';

const LIMITS = { maxMessageBytes: 2 * 1024 * 1024, maxAttachmentBytes: 1024 * 1024 };
const OFFICER = 'chen.xinxi@shawan.example.gov.cn';
const FOLDERS = ['INBOX', '已导入', '隔离'] as const;
const ELEMENTS = [
  '签发人：王镇长',
  '报送人：陈信息',
  '公开属性：不予公开',
  '联系电话：020-84730000',
  '日期：2010年4月7日',
];

/** The officer of 沙湾镇 whose address identifies the unit. */
async function registerOfficer(db: Kysely<Database>): Promise<number> {
  const shawan = (await findUnitByName(db, '沙湾镇'))!.id;
  const at = new Date('2010-01-01T00:00:00Z').toISOString();
  await insertContact(db, {
    unit_id: shawan,
    duty: 'officer',
    post: '科员',
    office_phone: null,
    mobile: null,
    staffing: 'civil_servant',
    notice_date: null,
    created_at: at,
    updated_at: at,
    ref: null,
    name: '陈信息',
    email: OFFICER,
    started_on: '2010-01-01',
    ended_on: null,
  });
  return shawan;
}

function settings(url: string, more: Record<string, string> = {}): MailboxAddress {
  const read = readMailboxSettings({ GOVINFO_IMAP_URL: url, ...more });
  if (!read || 'problem' in read) throw new Error(`bad test URL: ${JSON.stringify(read)}`);
  return read;
}

const good = (subject = '沙湾镇推进古镇保护【政务信息】', messageId?: string) =>
  buildEml({
    from: OFFICER,
    subject,
    charset: 'GB18030',
    messageId,
    text: `沙湾镇近日召开古镇保护工作会议，部署下一阶段巡查工作。\n\n${ELEMENTS.join('\n')}`,
    attachments: [{ name: '古镇保护详细材料.docx', data: docxWith('详细材料'), contentType: DOCX_TYPE }],
  });

describe.skipIf(!isDialectAvailable || !isDovecotAvailable)('polling the mailbox over IMAP (real Dovecot)', () => {
  let dovecot: Dovecot;
  let client: ImapFlow;
  let store: Store;
  let cleanup: () => Promise<void>;
  let shawan: number;
  let address: MailboxAddress;

  /** How many messages each folder holds (0 for a folder not created yet). */
  async function folderCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    const existing = (await client.list()).map((entry) => entry.path);
    for (const folder of FOLDERS)
      counts[folder] = existing.includes(folder)
        ? ((await client.status(folder, { messages: true })) || { messages: 0 }).messages!
        : 0;
    return counts;
  }
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const storedMessages = async () => (await store.db.selectFrom('mail_messages').select('id').execute()).length;

  beforeAll(async () => {
    dovecot = await startDovecot();
    client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await client.connect();
    ({ store, cleanup } = await createTestStore());
    shawan = await registerOfficer(store.db);
    address = settings(dovecot.url());
  });
  afterAll(async () => {
    await client?.logout();
    await cleanup?.();
    await dovecot?.stop();
  });

  it('takes every message in once, moves it to 已导入 or 隔离 and deletes nothing', async () => {
    // Taken in before the poll, as if a poll had crashed between the intake and the move.
    const already = good('上次收取未移走的稿件（政务信息）', 'crash@shawan.example');
    const earlier = await intakeMail(
      store.db,
      { id: null, username: 'cli:test', ip: 'local', displayName: 'cli:test' },
      [{ name: 'crash.eml', data: already }],
      LIMITS,
      new Date()
    );
    expect(earlier.accepted).toHaveLength(1);

    const fixtures: [string, Buffer][] = [
      ['gb18030', good()],
      ['stranger', buildEml({ from: 'someone@example.com', subject: '稿件', text: '正文' })],
      ['several', buildEml({ from: OFFICER, subject: '两则', text: '甲（政务信息）\n正文甲\n乙（政务信息）\n正文乙' })],
      ['oversized', Buffer.concat([good('很大的稿件'), Buffer.alloc(3 * 1024 * 1024, 'a')])],
      ['malformed', Buffer.from('Subject: =?UTF-8?B?5peg5Y+R5Lu25Lq6?=\r\n\r\n没有发件人\r\n')],
      ['crashed', already],
    ];
    for (const [, eml] of fixtures) await client.append('INBOX', eml);
    const before = await folderCounts();
    expect(before).toEqual({ INBOX: 6, 已导入: 0, 隔离: 0 });

    const outcome = await pollMailbox(store.db, address, connectImapMailbox, LIMITS, () => new Date());
    expect(outcome.accepted).toEqual([
      { file: 'INBOX/UID 1', item: expect.any(Number), unit: '沙湾镇', title: '沙湾镇推进古镇保护（政务信息）' },
    ]);
    expect(outcome.quarantined).toEqual([
      { file: 'INBOX/UID 2', reason: expect.stringMatching(/someone@example.com 不是任何单位在册人员/) },
      { file: 'INBOX/UID 3', reason: expect.stringMatching(/一封邮件只能报送1条信息/) },
      { file: 'INBOX/UID 4', reason: expect.stringMatching(/超过 2 MB 的大小限制/) },
      { file: 'INBOX/UID 5', reason: expect.stringMatching(/没有发件人地址/) },
      { file: 'INBOX/UID 6', reason: expect.stringMatching(/^重复邮件：.*导入为稿件/) },
    ]);

    const item = (await findItem(store.db, outcome.accepted[0].item))!;
    expect(item).toMatchObject({
      unit_id: shawan,
      status: 'received',
      origin: 'mail',
      body: '沙湾镇近日召开古镇保护工作会议，部署下一阶段巡查工作。',
      signer: '王镇长',
      reporter: '陈信息',
      phone: '020-84730000',
      is_public: 0,
      submitted: '2010-04-07',
    });
    const attachments = await listAttachments(store.db, item.id);
    expect(attachments.map((a) => [a.filename, a.media_type])).toEqual([['古镇保护详细材料.docx', DOCX_TYPE]]);
    const [event] = await listItemEvents(store.db, item.id);
    expect(event).toMatchObject({ action: 'mail_intake', to_status: 'received' });

    const quarantined = await store.db
      .selectFrom('mail_messages')
      .select(['file_name', 'status', 'reason', 'content'])
      .where('status', '=', 'quarantined')
      .orderBy('id')
      .execute();
    expect(quarantined.map((q) => q.file_name)).toEqual(['INBOX/UID 2', 'INBOX/UID 3', 'INBOX/UID 4', 'INBOX/UID 5']);
    // The oversized message was never downloaded: kept by size alone, like an oversized upload.
    expect(quarantined[2].content).toBeNull();
    const audit = await store.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('action', '=', 'mail_intake')
      .execute();
    expect(audit.map((a) => a.actor)).toContain(`mail:${dovecot.user}@127.0.0.1`);

    const after = await folderCounts();
    expect(after).toEqual({ INBOX: 0, 已导入: 2, 隔离: 4 });
    expect(total(after)).toBe(total(before));
    // The crashed one is in 已导入 and was not stored again.
    const items = await store.db.selectFrom('items').select('id').where('title', 'like', '上次收取未移走%').execute();
    expect(items).toHaveLength(1);
  });

  it('imports nothing on a second poll', async () => {
    const stored = await storedMessages();
    const outcome = await pollMailbox(store.db, address, connectImapMailbox, LIMITS, () => new Date());
    expect(outcome).toEqual({ accepted: [], quarantined: [] });
    expect(await storedMessages()).toBe(stored);
    expect(await folderCounts()).toEqual({ INBOX: 0, 已导入: 2, 隔离: 4 });
  });

  it('reports a wrong password or a closed port clearly, without the password, and changes nothing', async () => {
    await client.append('INBOX', good('等待收取的稿件（政务信息）'));
    const stored = await storedMessages();
    const wrong = settings(dovecot.url({ password: 'wrong-s3cret' }));
    const refusal = await pollMailbox(store.db, wrong, connectImapMailbox, LIMITS, () => new Date()).catch(
      (error: unknown) => error
    );
    expect(refusal).toBeInstanceOf(MailboxError);
    expect((refusal as Error).message).toMatch(/登录失败：用户名或密码错误/);
    expect((refusal as Error).message).not.toContain('wrong-s3cret');

    const closed = settings(`imap://u:s3cret@127.0.0.1:${await freePort()}/INBOX`);
    const refused = await pollMailbox(store.db, closed, connectImapMailbox, LIMITS, () => new Date()).catch(
      (error: unknown) => error
    );
    expect((refused as Error).message).toMatch(/无法连接邮件服务器 127\.0\.0\.1:\d+：连接被拒绝/);

    const missing = settings(dovecot.url({ mailbox: '没有这个文件夹' }));
    const absent = await pollMailbox(store.db, missing, connectImapMailbox, LIMITS, () => new Date()).catch(
      (error: unknown) => error
    );
    expect((absent as Error).message).toMatch(/没有文件夹“没有这个文件夹”/);

    expect(await storedMessages()).toBe(stored);
    expect(await folderCounts()).toEqual({ INBOX: 1, 已导入: 2, 隔离: 4 });
  });

  describe('in a running server', () => {
    let t: TestApp;
    let bare: TestApp;

    beforeAll(async () => {
      t = await createTestApp({
        mailbox: settings(dovecot.url(), { GOVINFO_IMAP_POLL_S: '1' }),
        maxMailBytes: LIMITS.maxMessageBytes,
      });
      await registerOfficer(t.store.db);
      bare = await createTestApp();
    });
    afterAll(async () => {
      await t?.cleanup();
      await bare?.cleanup();
    });

    it('polls at start and then every interval, and shows the last poll', async () => {
      const editor = await signInNewUser(t, 'editor');
      const takenIn = async (title: string) =>
        (await t.store.db.selectFrom('items').select('id').where('title', '=', title).execute()).length;
      // The message left waiting by the failed polls above comes in at start.
      await expect.poll(() => takenIn('等待收取的稿件（政务信息）'), { timeout: 10_000 }).toBe(1);
      await client.append('INBOX', good('轮询收取的稿件（政务信息）'));
      await expect.poll(() => takenIn('轮询收取的稿件（政务信息）'), { timeout: 10_000 }).toBe(1);
      await expect.poll(async () => (await folderCounts()).INBOX, { timeout: 10_000 }).toBe(0);

      const status = (await editor.get('/api/mail/mailbox-status')).json();
      expect(status).toMatchObject({
        configured: true,
        mailbox: `${dovecot.user}@127.0.0.1/INBOX`,
        intervalSeconds: 1,
        last: { error: null, mailbox: `${dovecot.user}@127.0.0.1/INBOX` },
      });
      expect(JSON.stringify(status)).not.toContain(dovecot.password);
      const admin = await signInNewUser(t, 'sys_admin');
      expect((await admin.get('/api/mail/mailbox-status')).statusCode).toBe(200);
    });

    it("polls now at the editor's request, audited, answering with the outcome", async () => {
      const editor = await signInNewUser(t, 'editor');
      await client.append('INBOX', buildEml({ from: 'stranger@example.com', subject: '立即收取', text: '正文' }));
      const response = await editor.post('/api/mail/poll');
      expect(response.statusCode, response.body).toBe(200);
      const answer = response.json<{ accepted: unknown[]; quarantined: { reason: string }[] }>();
      // The background poll may have taken it just before: then this poll finds the folder empty.
      const taken = await t.store.db
        .selectFrom('mail_messages')
        .select('id')
        .where('subject', '=', '立即收取')
        .execute();
      expect(taken).toHaveLength(1);
      expect(answer.accepted).toEqual([]);
      const audit = await t.store.db
        .selectFrom('audit_log')
        .select(['action', 'outcome'])
        .where('action', '=', 'mail_poll')
        .execute();
      expect(audit).toContainEqual({ action: 'mail_poll', outcome: 'ok' });
    });

    it('answers 400 to 立即收取 and configured:false when no mailbox is set', async () => {
      const editor = await signInNewUser(bare, 'editor');
      expect((await editor.get('/api/mail/mailbox-status')).json()).toEqual({ configured: false });
      const response = await editor.post('/api/mail/poll');
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/未配置报送邮箱/);
    });
  });
});

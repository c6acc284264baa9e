import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connect.js';
import { findItem, listAttachments, listItemEvents } from '../../src/db/repositories/item.repository.js';
import { insertContact } from '../../src/db/repositories/registry.repository.js';
import { findUnitByName } from '../../src/db/repositories/unit-lookup.repository.js';
import { intakeMail } from '../../src/services/mail/intake-mail.js';
import { buildEml, docxWith, DOCX_TYPE, type Charset } from '../helpers/eml-builder.js';
import { createTestStore, isDialectAvailable } from '../helpers/test-store.js';
import { zerosBomb, buildZip, wordParts } from '../helpers/zip-builder.js';

const NOW = new Date('2010-04-08T02:00:00Z');
const OPERATOR = { id: null, username: 'cli:test', ip: 'local', displayName: 'cli:test' };
const LIMITS = { maxMessageBytes: 2 * 1024 * 1024, maxAttachmentBytes: 1024 * 1024 };
const OFFICER = 'Chen.Xinxi@ShaWan.example.gov.cn';

const ELEMENTS = [
  '单位：沙湾镇',
  '签发人：王镇长',
  '报送人：陈信息',
  '公开属性：不予公开',
  '联系电话：020-84730000',
  '日期：2010年4月7日',
].join('\n');
const TEXT = `沙湾镇近日召开古镇保护工作会议，部署下一阶段巡查工作。\n\n${ELEMENTS}`;

describe.skipIf(!isDialectAvailable)('mail intake (邮件报送) into a real database', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let shawan: number;
  const take = (name: string, data: Buffer) => intakeMail(store.db, OPERATOR, [{ name, data }], LIMITS, NOW);

  beforeAll(async () => {
    ({ store, cleanup } = await createTestStore());
    shawan = (await findUnitByName(store.db, '沙湾镇'))!.id;
    const registration = {
      unit_id: shawan,
      duty: 'officer',
      post: '科员',
      office_phone: null,
      mobile: null,
      staffing: 'civil_servant',
      notice_date: null,
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
      ref: null,
    };
    await insertContact(store.db, {
      ...registration,
      name: '陈信息',
      email: OFFICER,
      started_on: '2010-01-01',
      ended_on: null,
    });
    // A former officer's address no longer identifies the unit.
    await insertContact(store.db, {
      ...registration,
      name: '王前任',
      email: 'former@shawan.example.gov.cn',
      started_on: '2008-01-01',
      ended_on: '2009-12-31',
    });
  });
  afterAll(async () => cleanup?.());

  it('takes a GB18030 message from a registered officer in as a received item with every element read', async () => {
    const eml = buildEml({
      from: 'chen.xinxi@shawan.example.gov.cn',
      subject: '沙湾镇推进古镇保护【政务信息】',
      charset: 'GB18030',
      text: `${TEXT}\n（重大）`,
      attachments: [{ name: '古镇保护详细材料.docx', data: docxWith('详细材料'), contentType: DOCX_TYPE }],
    });
    const outcome = await take('gb18030.eml', eml);
    expect(outcome.quarantined).toEqual([]);
    expect(outcome.accepted).toEqual([
      { file: 'gb18030.eml', item: expect.any(Number), unit: '沙湾镇', title: '沙湾镇推进古镇保护（政务信息）' },
    ]);
    const item = (await findItem(store.db, outcome.accepted[0].item))!;
    expect(item).toMatchObject({
      unit_id: shawan,
      title: '沙湾镇推进古镇保护（政务信息）',
      body: '沙湾镇近日召开古镇保护工作会议，部署下一阶段巡查工作。',
      status: 'received',
      origin: 'mail',
      signer: '王镇长',
      reporter: '陈信息',
      phone: '020-84730000',
      is_public: 0,
      is_major: 1,
      submitted: '2010-04-07',
    });
    expect(item.sent_at).not.toBeNull();
    const attachments = await listAttachments(store.db, item.id);
    expect(attachments.map((a) => [a.filename, a.media_type])).toEqual([['古镇保护详细材料.docx', DOCX_TYPE]]);
    const [event] = await listItemEvents(store.db, item.id);
    expect(event).toMatchObject({ action: 'mail_intake', to_status: 'received' });
    expect(event.comment).toContain('重大或敏感信息：须另附书面稿件报送');
    expect(event.comment).not.toContain('缺少要素');
  });

  it.each<[Charset, 'base64' | 'quoted-printable', 'B' | 'Q']>([
    ['UTF-8', 'quoted-printable', 'Q'],
    ['GB2312', 'base64', 'B'],
    ['GBK', 'quoted-printable', 'B'],
  ])('reads %s bodies in %s with %s-encoded subjects', async (charset, encoding, subjectStyle) => {
    const outcome = await take(
      `${charset}.eml`,
      buildEml({
        from: OFFICER,
        subject: `${charset}编码的稿件（政务信息）`,
        text: `正文：镇里开展防汛检查。\n签发人：王镇长\n报送人：陈信息`,
        charset,
        encoding,
        subjectStyle,
      })
    );
    const item = (await findItem(store.db, outcome.accepted[0].item))!;
    expect([item.title, item.body, item.signer]).toEqual([
      `${charset}编码的稿件（政务信息）`,
      '正文：镇里开展防汛检查。',
      '王镇长',
    ]);
    const [event] = await listItemEvents(store.db, item.id);
    expect(event.comment).toContain('缺少要素：公开属性、联系电话、日期');
  });

  it('reads an HTML-only body and multipart/alternative inside multipart/mixed, with RFC 2047 file names', async () => {
    const html = await take(
      'html.eml',
      buildEml({ from: OFFICER, subject: '网页正文稿件(政务信息)', html: '<p>第一段。</p><p>签发人：王镇长</p>' })
    );
    const htmlItem = (await findItem(store.db, html.accepted[0].item))!;
    expect([htmlItem.body, htmlItem.signer]).toEqual(['第一段。', '王镇长']);

    const both = await take(
      'alternative.eml',
      buildEml({
        from: OFFICER,
        subject: '图文稿件',
        text: '纯文本正文。',
        html: '<p>网页正文。</p>',
        attachments: [{ name: '现场照片.png', data: png(), contentType: 'image/png', nameStyle: 'rfc2047' }],
      })
    );
    const item = (await findItem(store.db, both.accepted[0].item))!;
    expect(item.body).toBe('纯文本正文。');
    expect((await listAttachments(store.db, item.id)).map((a) => a.filename)).toEqual(['现场照片.png']);
    const [event] = await listItemEvents(store.db, item.id);
    expect(event.comment).toContain('标题未注明（政务信息）');
  });

  it('quarantines with the reason, never dropping a message', async () => {
    const cases: [string, Buffer, RegExp][] = [
      ['unknown.eml', buildEml({ from: 'someone@example.com', subject: '稿件', text: '正文' }), /不是任何单位在册人员/],
      ['former.eml', buildEml({ from: 'former@shawan.example.gov.cn', subject: '稿件', text: '正文' }), /不是任何单位/],
      [
        'several.eml',
        buildEml({ from: OFFICER, subject: '两则', text: '甲（政务信息）\n正文甲\n乙（政务信息）\n正文乙' }),
        /一封邮件只能报送1条信息/,
      ],
      [
        'several-docs.eml',
        buildEml({
          from: OFFICER,
          subject: '两则',
          text: '见附件',
          attachments: [
            { name: '甲（政务信息）.docx', data: docxWith('甲'), contentType: DOCX_TYPE },
            { name: '乙（政务信息）.docx', data: docxWith('乙'), contentType: DOCX_TYPE },
          ],
        }),
        /2 份标注（政务信息）的稿件文档/,
      ],
      [
        'script.eml',
        buildEml({
          from: OFFICER,
          subject: '稿件',
          text: '正文',
          attachments: [{ name: 'run.exe', data: Buffer.from('MZ....') }],
        }),
        /附件被拒收/,
      ],
      [
        'bomb.eml',
        buildEml({
          from: OFFICER,
          subject: '稿件',
          text: '正文',
          attachments: [{ name: '炸弹.docx', data: buildZip(wordParts({ deflated: zerosBomb(200) })) }],
        }),
        /附件被拒收/,
      ],
      [
        'big-attachment.eml',
        buildEml({
          from: OFFICER,
          subject: '稿件',
          text: '正文',
          attachments: [{ name: '大.pdf', data: bigPdf(1.2) }],
        }),
        /超过 1 MB/,
      ],
      ['huge.eml', Buffer.alloc(3 * 1024 * 1024, 'a'), /超过 2 MB 的大小限制/],
      ['garbage.eml', Buffer.from('\u0000\u0001 this is not mail'), /邮件无法解析/],
      ['no-subject.eml', buildEml({ from: OFFICER, subject: '', text: '正文' }), /没有主题/],
    ];
    for (const [name, data, reason] of cases) {
      const outcome = await take(name, data);
      expect(outcome.accepted, name).toEqual([]);
      expect(outcome.quarantined, name).toEqual([{ file: name, reason: expect.stringMatching(reason) }]);
    }
    const stored = await store.db
      .selectFrom('mail_messages')
      .select(['file_name', 'status'])
      .where('status', '=', 'quarantined')
      .execute();
    expect(stored.map((s) => s.file_name).sort()).toEqual(cases.map(([name]) => name).sort());
  });

  it('never imports a message twice: same content, or same Message-ID', async () => {
    const eml = buildEml({ from: OFFICER, subject: '只导入一次', text: '正文', messageId: 'once@shawan.example' });
    const first = await take('once.eml', eml);
    expect(first.accepted).toHaveLength(1);
    const again = await take('once-again.eml', eml);
    expect(again).toEqual({
      accepted: [],
      quarantined: [{ file: 'once-again.eml', reason: expect.stringMatching(/^重复邮件：该邮件已于 \S+ 导入为稿件/) }],
    });
    const resent = buildEml({
      from: OFFICER,
      subject: '只导入一次',
      text: '正文（重发）',
      messageId: 'ONCE@shawan.example',
    });
    expect((await take('resent.eml', resent)).quarantined[0].reason).toMatch(/^重复邮件/);
    const quarantined = buildEml({ from: 'x@example.com', subject: '稿件', text: '正文', messageId: 'q@x' });
    await take('q.eml', quarantined);
    expect((await take('q2.eml', quarantined)).quarantined[0].reason).toMatch(/^重复邮件：.*放入隔离区/);
    const rows = await store.db
      .selectFrom('items')
      .select('id')
      .where('title', '=', '只导入一次（政务信息）')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('audits every intake, quarantine and duplicate', async () => {
    const actions = await store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['mail_intake', 'mail_quarantine', 'mail_intake_duplicate'])
      .execute();
    const count = (action: string) => actions.filter((a) => a.action === action).length;
    expect([count('mail_intake'), count('mail_quarantine'), count('mail_intake_duplicate')]).toEqual([7, 11, 3]);
  });
});

/** The smallest PNG signature and header: the content check reads the signature. */
function png(): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
}

function bigPdf(mebibytes: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(Math.round(mebibytes * 1024 * 1024), 0x20)]);
}

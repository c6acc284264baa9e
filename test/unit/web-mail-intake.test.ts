import { describe, expect, it } from 'vitest';
import { intakeSummary, isDuplicate } from '../../web/src/pages/editor/inbox/mail-service';
import { mailNote } from '../../web/src/pages/items/detail/mail-note';
import { mailboxStatusLine, sizeText } from '../../web/src/pages/editor/quarantine/service';

describe('the inbox page’s mail upload summary', () => {
  it('counts items made, messages quarantined and duplicates skipped', () => {
    const result = {
      accepted: [{ file: 'a.eml', item: 1, unit: '沙湾镇', title: '甲（政务信息）' }],
      quarantined: [
        { file: 'b.eml', reason: '发件人 x@example.com 不是任何单位在册人员（信息员登记备案）的邮箱' },
        { file: 'c.eml', reason: '重复邮件：该邮件已于 2026-11-28 导入为稿件（编号 1），未再次导入' },
      ],
    };
    expect(intakeSummary(result)).toBe('导入 1 篇稿件，隔离 1 封，重复跳过 1 封');
    expect(intakeSummary({ accepted: [], quarantined: [] })).toBe('导入 0 篇稿件，隔离 0 封');
    expect(result.quarantined.map((q) => isDuplicate(q.reason))).toEqual([false, true]);
  });

  it('says sizes as people read them', () => {
    expect([sizeText(900), sizeText(2048), sizeText(3 * 1024 * 1024)]).toEqual(['900 B', '2.0 KB', '3.0 MB']);
  });
});

describe('the quarantine page’s mailbox line', () => {
  const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  const status = { configured: true, mailbox: 'xinxi@mail.panyu.gov.cn/INBOX', intervalSeconds: 300 };
  const last = { at: '2026-03-20T01:00:00Z', mailbox: status.mailbox, accepted: 2, quarantined: 1, duplicates: 0 };

  it('says which mailbox is polled how often and what the last poll did', () => {
    expect(mailboxStatusLine({ configured: false }, time)).toBeNull();
    expect(mailboxStatusLine({ ...status, last: null }, time)).toEqual({
      text: '邮箱 xinxi@mail.panyu.gov.cn/INBOX 每 300 秒收取一次；尚未收取',
      isError: false,
    });
    expect(mailboxStatusLine({ ...status, last: { ...last, error: null } }, time)?.text).toBe(
      '邮箱 xinxi@mail.panyu.gov.cn/INBOX 每 300 秒收取一次；上次收取 2026-03-20 01:00，导入 2 封，隔离 1 封'
    );
    expect(mailboxStatusLine({ ...status, last: { ...last, duplicates: 3, error: null } }, time)?.text).toMatch(
      /隔离 1 封，重复跳过 3 封$/
    );
  });

  it('shows a failed poll as an error with its reason', () => {
    const error = '邮箱 xinxi@mail.panyu.gov.cn 登录失败：用户名或密码错误（GOVINFO_IMAP_URL）';
    expect(mailboxStatusLine({ ...status, last: { ...last, error } }, time)).toEqual({
      text: `邮箱 xinxi@mail.panyu.gov.cn/INBOX 每 300 秒收取一次；上次收取 2026-03-20 01:00失败：${error}`,
      isError: true,
    });
  });
});

describe('the item page’s note on a mail item', () => {
  it('shows the missing elements and the paper copy due, not the rest of the intake note', () => {
    const comment =
      '邮件报送，发件人 a@b.cn；缺少要素：签发人、日期；所署单位 沙湾镇；重大或敏感信息：须另附书面稿件报送';
    expect(mailNote([{ action: 'mail_intake', comment }])).toBe(
      '缺少要素：签发人、日期；重大或敏感信息：须另附书面稿件报送'
    );
    expect(mailNote([{ action: 'mail_intake', comment: '邮件报送，发件人 a@b.cn' }])).toBeUndefined();
    expect(mailNote([{ action: 'create', comment: null }])).toBeUndefined();
  });
});

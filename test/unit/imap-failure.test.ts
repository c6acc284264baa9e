import { describe, expect, it } from 'vitest';
import { readMailboxSettings, type MailboxAddress } from '../../src/domain/mailbox-address.js';
import { describeFailure } from '../../src/mail/imap-mailbox.js';

const address = readMailboxSettings({
  GOVINFO_IMAP_URL: 'imaps://xinxi:T0p-s3cret@mail.panyu.gov.cn/INBOX',
}) as MailboxAddress;

describe('a mailbox failure in the operator’s words', () => {
  it('names the server and what went wrong, never the password', () => {
    const cases: [object, RegExp][] = [
      [{ authenticationFailed: true, responseText: 'Authentication failed.' }, /登录失败：用户名或密码错误/],
      [{ code: 'ECONNREFUSED' }, /无法连接邮件服务器 mail\.panyu\.gov\.cn:993：连接被拒绝/],
      [{ code: 'ENOTFOUND' }, /找不到邮件服务器 mail\.panyu\.gov\.cn/],
      [{ code: 'CONNECT_TIMEOUT' }, /超时/],
      [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, /证书无法校验.*GOVINFO_IMAP_TLS_INSECURE=1/],
      [{ code: 'NoConnection' }, /连接中断/],
      [{ responseText: 'Mailbox is locked' }, /收取邮件失败（mail\.panyu\.gov\.cn:993）：Mailbox is locked/],
    ];
    for (const [error, message] of cases) {
      const text = describeFailure(address, error);
      expect(text).toMatch(message);
      expect(text).not.toContain('T0p-s3cret');
    }
  });
});

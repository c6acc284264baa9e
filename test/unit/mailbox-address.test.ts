import { describe, expect, it } from 'vitest';
import { mailboxActorName, mailboxLabel, readMailboxSettings } from '../../src/domain/mailbox-address.js';

const read = (url: string | undefined, more: Record<string, string> = {}) =>
  readMailboxSettings({ GOVINFO_IMAP_URL: url, ...more });

describe('the mailbox settings (GOVINFO_IMAP_URL)', () => {
  it('is absent when the variable is unset or blank', () => {
    expect(read(undefined)).toBeNull();
    expect(read('  ')).toBeNull();
  });

  it('reads imaps:// with its default port, decoded user and password, and INBOX by default', () => {
    expect(read('imaps://xinxi%40panyu.gov.cn:p%40ss%2Fw%23rd%251@mail.panyu.gov.cn')).toEqual({
      secure: true,
      host: 'mail.panyu.gov.cn',
      port: 993,
      user: 'xinxi@panyu.gov.cn',
      password: 'p@ss/w#rd%1',
      mailbox: 'INBOX',
      tlsInsecure: false,
      pollSeconds: 300,
    });
  });

  it('reads imap:// with a port, a folder (Chinese, percent-encoded), the interval and the TLS switch', () => {
    const settings = read(`imap://u:p@10.0.0.5:1143/${encodeURIComponent('信息报送')}/`, {
      GOVINFO_IMAP_POLL_S: '60',
      GOVINFO_IMAP_TLS_INSECURE: '1',
    });
    expect(settings).toMatchObject({
      secure: false,
      port: 1143,
      mailbox: '信息报送',
      pollSeconds: 60,
      tlsInsecure: true,
    });
    expect(read('imap://u:p@[::1]/INBOX')).toMatchObject({ host: '::1', port: 143 });
  });

  it('refuses a bad setting with a message naming the variable and never the password', () => {
    const cases: [string | undefined, Record<string, string>, RegExp][] = [
      ['not a url s3cret', {}, /GOVINFO_IMAP_URL 不是有效的地址/],
      ['https://u:s3cret@host/', {}, /应以 imaps:\/\/ 或 imap:\/\/ 开头/],
      ['imaps://host/INBOX', {}, /缺少用户名/],
      ['imaps://user@host/INBOX', {}, /缺少密码/],
      ['imaps://u:s3cret@host/INBOX?x=1', {}, /不应带/],
      ['imaps://u:s3cret@host/%E0%A4%A', {}, /编码有误/],
      ['imaps://u:s3cret@host', { GOVINFO_IMAP_POLL_S: '0' }, /GOVINFO_IMAP_POLL_S/],
      ['imaps://u:s3cret@host', { GOVINFO_IMAP_POLL_S: '1.5' }, /GOVINFO_IMAP_POLL_S/],
      ['imaps://u:s3cret@host', { GOVINFO_IMAP_TLS_INSECURE: 'yes' }, /GOVINFO_IMAP_TLS_INSECURE/],
    ];
    for (const [url, more, message] of cases) {
      const settings = read(url, more);
      expect(settings, url).toEqual({ problem: expect.stringMatching(message) });
      expect(JSON.stringify(settings)).not.toContain('s3cret');
    }
  });

  it('names the mailbox and its actor without the password', () => {
    const address = { user: 'xinxi@panyu.gov.cn', host: 'mail.panyu.gov.cn', mailbox: 'INBOX' };
    expect(mailboxLabel(address)).toBe('xinxi@panyu.gov.cn@mail.panyu.gov.cn/INBOX');
    expect(mailboxActorName(address)).toBe('mail:xinxi@panyu.gov.cn@mail.panyu.gov.cn');
  });
});

/** The background poller: one poll at a time, the last status kept, stopped cleanly. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connect.js';
import { readSetting } from '../../src/db/repositories/setting.repository.js';
import { readMailboxSettings, type MailboxAddress } from '../../src/domain/mailbox-address.js';
import { MailboxError, type ConnectMailbox } from '../../src/mail/imap-mailbox.js';
import { MAILBOX_POLL_SETTING, type MailboxPollStatus } from '../../src/services/mail/mailbox-status.js';
import { finishLease } from '../../src/db/repositories/job-lease.repository.js';
import { MAILBOX_POLL_JOB, MailboxPoller, PollRunningElsewhere } from '../../src/services/mail/mailbox-poller.js';
import { holdLeaseElsewhere } from '../helpers/leases.js';
import { createTestStore, isDialectAvailable } from '../helpers/test-store.js';

const LIMITS = { maxMessageBytes: 1024 * 1024, maxAttachmentBytes: 1024 * 1024 };
const address = readMailboxSettings({
  GOVINFO_IMAP_URL: 'imap://xinxi:T0p-s3cret@mail.panyu.gov.cn/INBOX',
  GOVINFO_IMAP_POLL_S: '1',
}) as MailboxAddress;

describe.skipIf(!isDialectAvailable)('the mailbox poller', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  /** A poller of the test's mailbox whose background failures land in `errors`. */
  const pollerOf = (connect: ConnectMailbox, errors: string[]) =>
    new MailboxPoller({
      db: store.db,
      address,
      connect,
      limits: () => LIMITS,
      now: () => new Date(),
      onError: (message) => errors.push(message),
    });
  beforeAll(async () => {
    ({ store, cleanup } = await createTestStore());
  });
  afterAll(async () => cleanup?.());

  it('never runs two polls at once, and keeps the last failure without the password', async () => {
    let open = 0;
    let most = 0;
    let sessions = 0;
    const connect: ConnectMailbox = async () => {
      sessions++;
      open++;
      most = Math.max(most, open);
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (sessions === 3) {
        open--;
        throw new MailboxError('邮箱 xinxi@mail.panyu.gov.cn 登录失败：用户名或密码错误（GOVINFO_IMAP_URL）');
      }
      return {
        uidValidity: '1',
        list: async () => [],
        source: async () => null,
        move: async () => undefined,
        close: async () => {
          open--;
        },
      };
    };
    const errors: string[] = [];
    const poller = pollerOf(connect, errors);
    poller.start();
    const requested = await Promise.allSettled([poller.poll(), poller.poll(), poller.poll()]);
    await poller.stop();
    expect(most).toBe(1);
    expect(sessions).toBe(4);
    expect(requested.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const status = (await readSetting<MailboxPollStatus>(store.db, MAILBOX_POLL_SETTING))!.value;
    expect(status).toMatchObject({ mailbox: 'xinxi@mail.panyu.gov.cn/INBOX', accepted: 0, error: null });

    // A stopped poller polls no more.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sessions).toBe(4);
    expect(errors).toEqual([]);
    expect(JSON.stringify(status)).not.toContain('T0p-s3cret');
  });

  it('logs a failed background poll and keeps it as the last status', async () => {
    const errors: string[] = [];
    const poller = pollerOf(async () => {
      throw new MailboxError('无法连接邮件服务器 mail.panyu.gov.cn:143：连接被拒绝');
    }, errors);
    poller.start();
    await expect.poll(() => errors.length).toBe(1);
    await poller.stop();
    expect(errors[0]).toBe('xinxi@mail.panyu.gov.cn/INBOX：无法连接邮件服务器 mail.panyu.gov.cn:143：连接被拒绝');
    const status = (await readSetting<MailboxPollStatus>(store.db, MAILBOX_POLL_SETTING))!.value;
    expect(status.error).toBe('无法连接邮件服务器 mail.panyu.gov.cn:143：连接被拒绝');
  });
  it('leaves the mailbox to another process polling it: 立即收取 is refused, the background round skipped', async () => {
    let sessions = 0;
    const connect: ConnectMailbox = async () => {
      sessions++;
      return {
        uidValidity: '1',
        list: async () => [],
        source: async () => null,
        move: async () => undefined,
        close: async () => undefined,
      };
    };
    const lease = await holdLeaseElsewhere(store.db, MAILBOX_POLL_JOB);
    const errors: string[] = [];
    const poller = pollerOf(connect, errors);
    poller.start();
    await expect(poller.poll()).rejects.toBeInstanceOf(PollRunningElsewhere);
    expect(sessions).toBe(0);
    expect(errors).toEqual([]);
    // The other process is done: this one polls.
    await finishLease(store.db, { ...lease, expiresAt: lease.at });
    await expect(poller.poll()).resolves.toMatchObject({ accepted: [] });
    await poller.stop();
    expect(sessions).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
  });
});

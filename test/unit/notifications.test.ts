import { describe, expect, it } from 'vitest';
import {
  MAX_SEND_ATTEMPTS,
  NOTIFICATION_DUTIES,
  NOTIFICATION_KIND_CODES,
  nextAttemptAfterFailure,
} from '../../src/domain/notifications.js';
import { composeText } from '../../src/services/notifications/send-outbox.js';
import { defaultFromAddress } from '../../src/services/notifications/smtp-transport.js';

const NOW = new Date('2026-03-20T01:00:00Z');
const wait = (attempts: number) => {
  const next = nextAttemptAfterFailure(attempts, NOW);
  return next === null ? null : (next.getTime() - NOW.getTime()) / 60_000;
};

describe('邮件通知 rules', () => {
  it('waits 1, 5, 30 minutes, 2 hours, then 6 hours, and gives up after the last attempt', () => {
    expect([1, 2, 3, 4, 5, 9].map(wait)).toEqual([1, 5, 30, 120, 360, 360]);
    expect(wait(MAX_SEND_ATTEMPTS)).toBeNull();
    expect(wait(MAX_SEND_ATTEMPTS + 1)).toBeNull();
  });

  it('mails every kind to officers, and never to leaders', () => {
    for (const kind of NOTIFICATION_KIND_CODES) {
      expect(NOTIFICATION_DUTIES[kind]).toContain('officer');
      expect(NOTIFICATION_DUTIES[kind]).not.toContain('leader');
    }
  });

  it('adds the page address only when the public address is known', () => {
    const message = { body: '沙湾镇 沙信息：\n\n正文', link_path: '/notices/3' };
    expect(composeText(message, 'https://govinfo.example.gov.cn/')).toContain(
      '在系统中查看：https://govinfo.example.gov.cn/notices/3'
    );
    expect(composeText(message, null)).not.toContain('在系统中查看');
    expect(composeText({ ...message, link_path: null }, 'https://govinfo.example.gov.cn')).not.toContain(
      '在系统中查看'
    );
  });

  it('derives the From address from the SMTP URL', () => {
    expect(defaultFromAddress('smtps://govinfo%40example.gov.cn:secret@mail.example.gov.cn:465')).toBe(
      'govinfo@example.gov.cn'
    );
    expect(defaultFromAddress('smtp://notify:secret@mail.example.gov.cn')).toBe('notify@mail.example.gov.cn');
    expect(defaultFromAddress('smtp://mail.example.gov.cn:25')).toBe('govinfo@mail.example.gov.cn');
  });
});

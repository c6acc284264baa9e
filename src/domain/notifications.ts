/**
 * 邮件通知: the kinds of e-mail the system sends, who among a unit's registered people receives
 * each, and how often a failed send is tried again. Pure rules, no I/O.
 */
import type { ContactDuty } from './registry.js';

import { NOTIFICATION_KINDS, type NotificationKind } from '../shared/notification-kinds.js';

export { NOTIFICATION_KINDS, NOTIFICATION_KIND_CODES, type NotificationKind } from '../shared/notification-kinds.js';

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && value in NOTIFICATION_KINDS;
}

/**
 * Who receives a kind: the unit's 信息员 always; its 直接责任人 too for what the unit must act on
 * or answer for (a new solicitation, its deadline, the published results). A quarantined message
 * and a returned item are the officer's daily work, a notice is read and confirmed by the officer.
 */
export const NOTIFICATION_DUTIES: Readonly<Record<NotificationKind, readonly ContactDuty[]>> = {
  solicitation_new: ['officer', 'director'],
  solicitation_due: ['officer', 'director'],
  item_returned: ['officer'],
  results_published: ['officer', 'director'],
  notice_posted: ['officer'],
  mail_quarantined: ['officer'],
};

/** Days before a solicitation's deadline a reminder goes out: two days before, and on the day. */
export const REMINDER_DAYS_BEFORE: readonly number[] = [2, 0];

/**
 * Waits after each failed attempt: 1 minute, 5 minutes, 30 minutes, 2 hours, then every 6 hours.
 * After MAX_SEND_ATTEMPTS failed attempts (about a day and a half) the message is marked failed
 * and waits for the system administrator's 重新发送; it is never deleted.
 */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];
const LATER_RETRY_DELAY_MS = 6 * 3600_000;
export const MAX_SEND_ATTEMPTS = 10;

/**
 * When to try again after the `attempts`-th failed attempt (1 = the first failure), or null when
 * no automatic attempt remains.
 */
export function nextAttemptAfterFailure(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_SEND_ATTEMPTS) return null;
  const delay = RETRY_DELAYS_MS[attempts - 1] ?? LATER_RETRY_DELAY_MS;
  return new Date(now.getTime() + delay);
}

/** The subject line's prefix, so a person sees at once where a message comes from. */
export const SYSTEM_NAME = '政务信息报送与考核系统';

import { todayInChina } from '../../domain/dates.js';
import { NOTIFICATION_DUTIES, type NotificationKind } from '../../domain/notifications.js';
import type { ContactDuty } from '../../domain/registry.js';
import type { Db } from '../../db/database.js';
import { insertOutboxMessages, listMailContacts } from '../../db/repositories/mail-outbox.repository.js';
import { listUnitNames } from '../../db/repositories/unit-lookup.repository.js';
import { SYSTEM_NAME } from '../../domain/notifications.js';

/** One event to tell units' registered people about by e-mail. */
export interface Notification {
  kind: NotificationKind;
  /** The units whose people are told. */
  unitIds: readonly number[];
  /** What makes the event unique (with the kind, unit and address it is the dedupe key), e.g. `solicitation:12`. */
  event: string;
  /** The subject without the system's prefix. */
  subject: string;
  /** The text after the salutation, for one unit. */
  text: (unitName: string) => string;
  /** The page the message is about; the sender adds GOVINFO_PUBLIC_URL in front when it is set. */
  linkPath?: string | null;
  /** Who among the unit's people; the kind's duties by default (NOTIFICATION_DUTIES). */
  duties?: readonly ContactDuty[];
}

/**
 * Writes the e-mails of an event to the outbox: one per unit and address among the unit's current
 * registered people of the kind's duties, leaving out whoever turned the kind off. Call it in the
 * transaction of the change that causes it: the messages are kept or dropped with the change, and
 * the request only inserts rows (the server sends them in the background). Returns how many were added.
 */
export async function enqueueNotification(db: Db, notification: Notification, now: Date): Promise<number> {
  const unitIds = [...new Set(notification.unitIds)];
  const contacts = await listMailContacts(
    db,
    unitIds,
    notification.duties ?? NOTIFICATION_DUTIES[notification.kind],
    notification.kind,
    todayInChina(now)
  );
  if (contacts.length === 0) return 0;
  const names = new Map((await listUnitNames(db)).map((u) => [u.id, u.name]));
  const at = now.toISOString();
  const seen = new Set<string>();
  const rows = [];
  for (const contact of contacts) {
    const address = contact.email.trim();
    const key = `${notification.kind}:${notification.event}:${contact.unit_id}:${address.toLowerCase()}`;
    // A person registered twice in the unit (e.g. officer and director) gets one message.
    if (seen.has(key)) continue;
    seen.add(key);
    const unitName = names.get(contact.unit_id) ?? '';
    rows.push({
      recipient_email: address,
      recipient_name: contact.name,
      contact_id: contact.id,
      unit_id: contact.unit_id,
      kind: notification.kind,
      subject: `【${SYSTEM_NAME}】${notification.subject}`,
      body: `${unitName} ${contact.name}：\n\n${notification.text(unitName)}`,
      link_path: notification.linkPath ?? null,
      dedupe_key: key,
      created_at: at,
      status: 'pending',
      next_attempt_at: at,
      last_error: null,
      sent_at: null,
    });
  }
  return insertOutboxMessages(db, rows);
}

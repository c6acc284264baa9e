import type { Kysely } from 'kysely';
import { isNotificationKind, NOTIFICATION_KIND_CODES, type NotificationKind } from '../../domain/notifications.js';
import type { Database } from '../../db/database.js';
import { listOptOuts, replaceOptOuts } from '../../db/repositories/mail-outbox.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { findWritableContact } from './contact-writer.js';

/**
 * 邮件通知: the kinds of e-mail a registered person does not want, set where the registration is
 * kept (by the editor, or the unit's officer for their own unit). Enforced when messages are
 * enqueued: a kind turned off is not written to the outbox for that person.
 */
export async function setMailOptOuts(
  db: Kysely<Database>,
  user: ActingUser,
  contactId: number,
  kinds: readonly string[],
  now: Date
): Promise<void> {
  await findWritableContact(db, user, contactId, now);
  const unknown = kinds.find((k) => !isNotificationKind(k));
  if (unknown !== undefined)
    throw new ServiceError('invalid', `没有“${unknown}”这种邮件通知`, { field: 'optOut', label: '邮件通知' });
  // Stored in the kinds' own order, once each.
  const chosen = NOTIFICATION_KIND_CODES.filter((k) => kinds.includes(k));
  await db.transaction().execute(async (trx) => {
    const before = (await listOptOuts(trx, [contactId])).map((o) => o.kind);
    await replaceOptOuts(trx, contactId, chosen);
    await appendAudit(
      trx,
      user,
      {
        action: 'set_mail_opt_outs',
        objectType: 'unit_contact',
        objectId: contactId,
        outcome: 'ok',
        before: { opt_out: before },
        after: { opt_out: chosen },
      },
      now
    );
  });
}

/** Each person's kinds turned off, by registration id. */
export async function optOutsByContact(
  db: Kysely<Database>,
  contactIds?: readonly number[]
): Promise<Map<number, NotificationKind[]>> {
  const byContact = new Map<number, NotificationKind[]>();
  for (const row of await listOptOuts(db, contactIds)) {
    if (!isNotificationKind(row.kind)) continue;
    byContact.set(row.contact_id, [...(byContact.get(row.contact_id) ?? []), row.kind]);
  }
  return byContact;
}

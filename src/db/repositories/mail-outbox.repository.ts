import type { Db } from '../database.js';
import type { MailOutboxRow, NewMailOutboxRow } from '../tables/mail-outbox.table.js';
import { runTimeCount } from './paging.js';

/** A unit's registered person who may receive e-mail: current, with an address. */
export interface MailContact {
  id: number;
  unit_id: number;
  duty: string;
  name: string;
  email: string;
}

/**
 * The people of the units registered on `today` with an e-mail address, in the given duties,
 * who have not turned off `kind`.
 */
export async function listMailContacts(
  db: Db,
  unitIds: readonly number[],
  duties: readonly string[],
  kind: string,
  today: string
): Promise<MailContact[]> {
  if (unitIds.length === 0 || duties.length === 0) return [];
  const rows = await db
    .selectFrom('unit_contacts')
    .select(['id', 'unit_id', 'duty', 'name', 'email'])
    .where('unit_id', 'in', [...unitIds])
    .where('duty', 'in', [...duties])
    .where('email', 'is not', null)
    .where('email', '!=', '')
    .where('started_on', '<=', today)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', today)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('contact_mail_opt_outs')
            .select('contact_mail_opt_outs.kind')
            .whereRef('contact_mail_opt_outs.contact_id', '=', 'unit_contacts.id')
            .where('contact_mail_opt_outs.kind', '=', kind)
        )
      )
    )
    .orderBy('unit_id')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, email: r.email! }));
}

/** Adds messages; one whose dedupe key is already there is skipped. Returns how many were added. */
export async function insertOutboxMessages(db: Db, rows: readonly NewMailOutboxRow[]): Promise<number> {
  let added = 0;
  for (const row of rows) {
    const inserted = await db
      .insertInto('mail_outbox')
      .values(row)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) added++;
  }
  return added;
}

/** Pending messages whose time has come, oldest first. */
export async function listDueMessages(db: Db, now: string, limit: number): Promise<MailOutboxRow[]> {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(runTimeCount(limit))
    .execute();
}

/**
 * Takes a message for sending: moves its next attempt to `leaseUntil` if nobody moved it first.
 * One statement, so two senders never both take it; a sender that dies mid-send leaves it to be
 * taken again when the lease ends.
 */
export async function claimMessage(db: Db, id: number, seenAt: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ next_attempt_at: leaseUntil })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', seenAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markMessageSent(db: Db, id: number, at: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set((eb) => ({ status: 'sent', sent_at: at, last_error: null, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Records a failed attempt: tried again at `nextAttemptAt`, or failed for good when null. */
export async function markMessageFailed(
  db: Db,
  id: number,
  attempts: number,
  error: string,
  nextAttemptAt: string | null,
  at: string
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      attempts,
      last_error: error,
      status: nextAttemptAt === null ? 'failed' : 'pending',
      next_attempt_at: nextAttemptAt ?? at,
    })
    .where('id', '=', id)
    .execute();
}

export async function findOutboxMessage(db: Db, id: number): Promise<MailOutboxRow | undefined> {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Puts a failed message back in the queue, due at once; false when it is not failed (any more). */
export async function requeueFailedMessage(db: Db, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ status: 'pending', next_attempt_at: at })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countOutboxByStatus(db: Db): Promise<{ status: string; count: number }[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('count')])
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.count) }));
}

/** A page of the outbox, newest first, optionally of one status. */
export async function listOutboxPage(
  db: Db,
  options: { status?: string; offset: number; limit: number }
): Promise<{ rows: MailOutboxRow[]; total: number }> {
  let query = db.selectFrom('mail_outbox');
  if (options.status) query = query.where('status', '=', options.status);
  const [rows, total] = await Promise.all([
    query
      .selectAll()
      .orderBy('id', 'desc')
      .limit(runTimeCount(options.limit))
      .offset(runTimeCount(options.offset))
      .execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The kinds a registered person turned off. */
export async function listOptOuts(
  db: Db,
  contactIds?: readonly number[]
): Promise<{ contact_id: number; kind: string }[]> {
  let query = db.selectFrom('contact_mail_opt_outs').select(['contact_id', 'kind']);
  if (contactIds) {
    if (contactIds.length === 0) return [];
    query = query.where('contact_id', 'in', [...contactIds]);
  }
  return query.orderBy('contact_id').orderBy('kind').execute();
}

/** Replaces a person's opt-outs. */
export async function replaceOptOuts(db: Db, contactId: number, kinds: readonly string[]): Promise<void> {
  await db.deleteFrom('contact_mail_opt_outs').where('contact_id', '=', contactId).execute();
  if (kinds.length > 0)
    await db
      .insertInto('contact_mail_opt_outs')
      .values(kinds.map((kind) => ({ contact_id: contactId, kind })))
      .execute();
}

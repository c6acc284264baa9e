import { sql } from 'kysely';
import type { Db } from '../database.js';
import type { MailMessageRow, MailMessageTable } from '../tables/mail.table.js';
import type { Insertable } from 'kysely';

/** A message already taken in with this content or this Message-ID, if any. */
export async function findMailMessage(
  db: Db,
  sha256: string,
  messageId: string | null
): Promise<Pick<MailMessageRow, 'id' | 'status' | 'item_id' | 'reason' | 'received_at'> | undefined> {
  return db
    .selectFrom('mail_messages')
    .select(['id', 'status', 'item_id', 'reason', 'received_at'])
    .where((eb) =>
      messageId === null
        ? eb('sha256', '=', sha256)
        : eb.or([eb('sha256', '=', sha256), eb('message_id', '=', messageId)])
    )
    .orderBy('id')
    .executeTakeFirst();
}

export async function insertMailMessage(db: Db, row: Insertable<MailMessageTable>): Promise<number> {
  const { id } = await db.insertInto('mail_messages').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function findMailMessageById(db: Db, id: number): Promise<MailMessageRow | undefined> {
  return db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records the editor's decision if the message is still at `version`; false when someone decided first. */
export async function decideMailMessage(
  db: Db,
  id: number,
  version: number,
  changes: Pick<MailMessageRow, 'status' | 'decided_at' | 'decided_by' | 'decision_reason' | 'item_id' | 'unit_id'>
): Promise<boolean> {
  const result = await db
    .updateTable('mail_messages')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'quarantined')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type MailMessageListRow = Omit<MailMessageRow, 'content'> & { unit: string | null };

/** Messages in a state, newest first, without their content. */
export async function listMailMessages(
  db: Db,
  status: string,
  page: number,
  pageSize: number
): Promise<{ rows: MailMessageListRow[]; total: number }> {
  const rows = await db
    .selectFrom('mail_messages')
    .leftJoin('units', 'units.id', 'mail_messages.unit_id')
    .select([
      'mail_messages.id',
      'mail_messages.sha256',
      'mail_messages.message_id',
      'mail_messages.file_name',
      'mail_messages.sender',
      'mail_messages.subject',
      'mail_messages.size',
      'mail_messages.status',
      'mail_messages.reason',
      'mail_messages.item_id',
      'mail_messages.unit_id',
      'mail_messages.received_at',
      'mail_messages.received_by',
      'mail_messages.decided_at',
      'mail_messages.decided_by',
      'mail_messages.decision_reason',
      'mail_messages.version',
      'units.name as unit',
    ])
    .where('mail_messages.status', '=', status)
    .orderBy('mail_messages.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const { n } = await db
    .selectFrom('mail_messages')
    .select(sql<number>`count(*)`.as('n'))
    .where('status', '=', status)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

/**
 * The units whose current registrations (信息员登记备案 in force on `today`) carry this address,
 * compared without regard to case.
 */
export async function unitsByContactEmail(
  db: Db,
  email: string,
  today: string
): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('unit_contacts')
    .innerJoin('units', 'units.id', 'unit_contacts.unit_id')
    .select(['units.id', 'units.name'])
    .distinct()
    .where(sql<string>`lower(unit_contacts.email)`, '=', email.toLowerCase())
    .where('unit_contacts.started_on', '<=', today)
    .where((eb) => eb.or([eb('unit_contacts.ended_on', 'is', null), eb('unit_contacts.ended_on', '>=', today)]))
    .orderBy('units.id')
    .execute();
}

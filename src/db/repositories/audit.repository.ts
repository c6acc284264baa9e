import { sql } from 'kysely';
import type { Db } from '../database.js';
import type { AuditLogRow } from '../tables/audit.table.js';
import { runTimeCount } from './paging.js';

/**
 * Takes the next audit id and the previous hash, locking the head row until the transaction
 * ends, so concurrent appends form one chain.
 */
export async function advanceAuditHead(db: Db): Promise<{ id: number; prevHash: string }> {
  const head = await db
    .updateTable('audit_head')
    // Every new entry is keyed: a chain not yet marked as keyed is keyed from this entry on.
    .set({ last_id: sql`last_id + 1`, keyed_from: sql`coalesce(keyed_from, last_id + 1)` })
    .where('id', '=', 1)
    .returning(['last_id', 'last_hash'])
    .executeTakeFirstOrThrow();
  return { id: head.last_id, prevHash: head.last_hash };
}

export async function insertAuditEntry(db: Db, entry: AuditLogRow): Promise<void> {
  await db.insertInto('audit_log').values(entry).execute();
  await db.updateTable('audit_head').set({ last_hash: entry.hash }).where('id', '=', 1).execute();
}

export interface AuditHead {
  last_id: number;
  last_hash: string;
  keyed_from: number | null;
}

export async function readAuditHead(db: Db): Promise<AuditHead> {
  return db
    .selectFrom('audit_head')
    .select(['last_id', 'last_hash', 'keyed_from'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

/**
 * Reads the head and holds it until the transaction ends (a write that changes nothing takes the
 * row lock in PostgreSQL and the write lock in SQLite), so no append comes between.
 */
export async function lockAuditHead(db: Db): Promise<AuditHead> {
  return db
    .updateTable('audit_head')
    .set({ last_id: sql`last_id` })
    .where('id', '=', 1)
    .returning(['last_id', 'last_hash', 'keyed_from'])
    .executeTakeFirstOrThrow();
}

/** One entry by id, if present. */
export async function auditEntry(db: Db, id: number): Promise<AuditLogRow | undefined> {
  return db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Entries in id order, a page at a time (verifying a long log need not hold it all). */
export async function auditPage(db: Db, afterId: number, limit: number): Promise<AuditLogRow[]> {
  return db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  outcome?: string;
  objectType?: string;
  objectId?: string;
}

/** Entries matching a filter, newest first. */
export async function searchAudit(
  db: Db,
  filter: AuditFilter,
  limit: number,
  offset: number
): Promise<{ rows: AuditLogRow[]; total: number }> {
  let query = db.selectFrom('audit_log');
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<=', filter.to);
  // The actor by user name, or by an account's display name (as the page shows them).
  const actor = filter.actor;
  if (actor)
    query = query.where((eb) =>
      eb.or([
        eb('actor', '=', actor),
        eb('actor_id', 'in', eb.selectFrom('users').select('id').where('display_name', '=', actor)),
      ])
    );
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  if (filter.objectType) query = query.where('object_type', '=', filter.objectType);
  if (filter.objectId) query = query.where('object_id', '=', filter.objectId);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(runTimeCount(limit)).offset(runTimeCount(offset)).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Ids per IN list: well under either engine's limit on bound parameters. */
const NAME_CHUNK = 500;

async function inChunks<T>(ids: readonly number[], read: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += NAME_CHUNK) out.push(...(await read(ids.slice(i, i + NAME_CHUNK))));
  return out;
}

/** Display names and units of the accounts an audit page names (as they are now). */
export async function accountNames(
  db: Db,
  ids: readonly number[]
): Promise<{ id: number; display_name: string; unit_id: number | null }[]> {
  return inChunks(ids, (chunk) =>
    db.selectFrom('users').select(['id', 'display_name', 'unit_id']).where('id', 'in', chunk).execute()
  );
}

/** Titles of the items an audit page names. */
export async function itemTitles(db: Db, ids: readonly number[]): Promise<{ id: number; title: string }[]> {
  return inChunks(ids, (chunk) => db.selectFrom('items').select(['id', 'title']).where('id', 'in', chunk).execute());
}

import { sql, type Kysely } from 'kysely';

/**
 * The editor's inbox opens on its work queue (待接收, then 已接收, oldest first, then the rest newest
 * first): an expression index in exactly the queue's order lets a page stop after its rows. The
 * expressions must stay textually identical to INBOX_RANK_SQL, INBOX_PENDING_DATE_SQL and INBOX_TIE_SQL in
 * item.repository.ts (SQLite matches an index expression by its text).
 *
 * Ledger items arrived as 已接收 whatever their records said: those with an adoption are 已采用.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index items_inbox_order on items ((case status when 'submitted' then 0 when 'received' then 1 else 2 end), (case when status in ('submitted', 'received') then submitted end), submitted desc, (case when status in ('submitted', 'received') then id else -id end))`.execute(
    db
  );
  await sql`update items set status = 'adopted' where origin = 'ledger' and status = 'received' and exists (select 1 from adoptions where adoptions.item_id = items.id)`.execute(
    db
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index items_inbox_order`.execute(db);
}

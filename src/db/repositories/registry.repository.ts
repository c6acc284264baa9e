import type { Db } from '../database.js';
import type { UnitContactRow } from '../tables/registry.table.js';

export type NewContactRow = Omit<UnitContactRow, 'id' | 'version'>;

export async function insertContact(db: Db, values: NewContactRow): Promise<number> {
  const { id } = await db.insertInto('unit_contacts').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function findContact(db: Db, id: number): Promise<UnitContactRow | undefined> {
  return db.selectFrom('unit_contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Ends a registration if it is still at `version`; false when someone changed it first. */
export async function endContactRow(
  db: Db,
  id: number,
  version: number,
  changes: { ended_on: string; notice_date: string | null; updated_at: string; version: number }
): Promise<boolean> {
  const result = await db
    .updateTable('unit_contacts')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listContacts(db: Db): Promise<UnitContactRow[]> {
  return db.selectFrom('unit_contacts').selectAll().orderBy('started_on').execute();
}

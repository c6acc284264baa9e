import type { Db } from '../database.js';
import type { AdoptionRow } from '../tables/editorial.table.js';

export async function findAdoption(db: Db, ref: string): Promise<AdoptionRow | undefined> {
  return db.selectFrom('adoptions').selectAll().where('ref', '=', ref).executeTakeFirst();
}

export async function deleteAdoption(db: Db, id: number): Promise<void> {
  await db.deleteFrom('adoptions').where('id', '=', id).execute();
}

export async function updateAdoption(db: Db, id: number, changes: Pick<AdoptionRow, 'outlet' | 'kind' | 'date'>): Promise<void> {
  await db.updateTable('adoptions').set(changes).where('id', '=', id).execute();
}

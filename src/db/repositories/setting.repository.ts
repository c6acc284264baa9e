import type { Db } from '../database.js';

export async function readSetting<T>(db: Db, key: string): Promise<{ value: T; version: number } | undefined> {
  const row = await db.selectFrom('settings').selectAll().where('key', '=', key).executeTakeFirst();
  return row && { value: JSON.parse(row.value) as T, version: row.version };
}

/** Writes a setting if it is still at `version` (0 = not stored yet); returns whether it was. */
export async function writeSetting(db: Db, key: string, value: unknown, version: number): Promise<boolean> {
  if (version === 0) {
    const inserted = await db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), version: 1 })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const result = await db
    .updateTable('settings')
    .set({ value: JSON.stringify(value), version: version + 1 })
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

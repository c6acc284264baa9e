import type { Db } from '../database.js';
import type { SeriesRow, UnitRow } from '../tables/unit.table.js';

/** Units in annex order (series order, then their order within it). */
export async function listUnits(db: Db): Promise<UnitRow[]> {
  return db
    .selectFrom('units')
    .innerJoin('series', 'series.code', 'units.series_code')
    .selectAll('units')
    .orderBy('series.sort_order')
    .orderBy('units.sort_order')
    .execute();
}

export async function listSeries(db: Db): Promise<SeriesRow[]> {
  return db.selectFrom('series').selectAll().orderBy('sort_order').execute();
}

export async function countUnits(db: Db): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSeries(db: Db, series: SeriesRow[]): Promise<void> {
  if (series.length > 0) await db.insertInto('series').values(series).execute();
}

export async function insertUnits(
  db: Db,
  units: { name: string; series_code: string; sort_order: number }[]
): Promise<void> {
  for (let i = 0; i < units.length; i += 500)
    await db
      .insertInto('units')
      .values(units.slice(i, i + 500))
      .execute();
}

export async function findUnitName(db: Db, id: number): Promise<{ id: number; name: string } | undefined> {
  return db.selectFrom('units').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function unitExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function unitNameTaken(db: Db, name: string): Promise<boolean> {
  return (await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirst()) !== undefined;
}

export async function seriesExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('series').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

/** Adds a unit at the end of its series' annex order. */
export async function insertUnitLast(db: Db, name: string, seriesCode: string): Promise<number> {
  const order = await db
    .selectFrom('units')
    .select((eb) => eb.fn.max('sort_order').as('n'))
    .where('series_code', '=', seriesCode)
    .executeTakeFirst();
  const { id } = await db
    .insertInto('units')
    .values({ name, series_code: seriesCode, sort_order: Number(order?.n ?? 0) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Units in series order (one unit when `onlyId` is given), as the registry lists them. */
export async function listRegistryUnits(
  db: Db,
  onlyId?: number
): Promise<{ id: number; name: string; series_code: string }[]> {
  let query = db.selectFrom('units').select(['id', 'name', 'series_code']).orderBy('series_code').orderBy('sort_order');
  if (onlyId !== undefined) query = query.where('id', '=', onlyId);
  return query.execute();
}

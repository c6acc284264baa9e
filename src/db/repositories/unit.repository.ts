import type { Db } from '../database.js';
import type { SeriesRow, UnitRow } from '../tables/unit.table.js';

/** Units in annex order (series order, then their order within it). */
export async function listUnits(db: Db): Promise<UnitRow[]> {
  return db.selectFrom('units').innerJoin('series', 'series.code', 'units.series_code')
    .selectAll('units')
    .orderBy('series.sort_order').orderBy('units.sort_order')
    .execute();
}

export async function listSeries(db: Db): Promise<SeriesRow[]> {
  return db.selectFrom('series').selectAll().orderBy('sort_order').execute();
}

export async function countUnits(db: Db): Promise<number> {
  const row = await db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSeries(db: Db, series: SeriesRow[]): Promise<void> {
  if (series.length > 0) await db.insertInto('series').values(series).execute();
}

export async function insertUnits(db: Db, units: { name: string; series_code: string; sort_order: number }[]): Promise<void> {
  for (let i = 0; i < units.length; i += 500) await db.insertInto('units').values(units.slice(i, i + 500)).execute();
}

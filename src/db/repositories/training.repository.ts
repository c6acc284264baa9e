import type { Db } from '../database.js';
import type { TrainingRow } from '../tables/registry.table.js';

export async function insertTraining(
  db: Db,
  values: Omit<TrainingRow, 'id' | 'version'>,
  attendees: readonly { unitId: number | null; name: string }[]
): Promise<number> {
  const { id } = await db.insertInto('trainings').values(values).returning('id').executeTakeFirstOrThrow();
  if (attendees.length > 0)
    await db
      .insertInto('training_attendees')
      .values(attendees.map((a) => ({ training_id: id, unit_id: a.unitId, name: a.name })))
      .execute();
  return id;
}

/** Sessions, latest first. */
export async function listTrainingRows(db: Db): Promise<TrainingRow[]> {
  return db.selectFrom('trainings').selectAll().orderBy('date', 'desc').execute();
}

export async function listAttendees(
  db: Db
): Promise<{ training_id: number; name: string; unit_id: number | null; unit: string | null }[]> {
  return db
    .selectFrom('training_attendees')
    .leftJoin('units', 'units.id', 'training_attendees.unit_id')
    .select(['training_id', 'training_attendees.name', 'units.id as unit_id', 'units.name as unit'])
    .execute();
}

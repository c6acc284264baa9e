import type { BulletinDocument } from '../../domain/bulletin.js';
import { REPLACE_OFFICER, followUpOpen, replaceOfficerNote } from '../../domain/follow-ups.js';
import type { Db } from '../../db/database.js';
import { insertFollowUp, listUnclosedFollowUps } from '../../db/repositories/follow-up.repository.js';
import { listContacts } from '../../db/repositories/registry.repository.js';
import { listUnits } from '../../db/repositories/unit.repository.js';

/** 建议更换信息员 becomes a follow-up on each unit the published bulletin names, unless one is still open. */
export async function openReplaceOfficerFollowUps(
  db: Db,
  publicationId: number,
  bulletin: BulletinDocument,
  today: string
): Promise<void> {
  if (bulletin.failedStreak.length === 0) return;
  const [units, followUps, contacts] = await Promise.all([listUnits(db), listUnclosedFollowUps(db), listContacts(db)]);
  const ids = new Map(units.map((u) => [u.name, u.id]));
  const open = new Set(
    followUps
      .filter((f) => followUpOpen({ unitId: f.unit_id, openedOn: f.opened_on, closedAt: f.closed_at }, contacts))
      .map((f) => f.unit_id)
  );
  for (const notice of bulletin.failedStreak) {
    const unitId = ids.get(notice.unit);
    if (unitId === undefined || open.has(unitId)) continue;
    await insertFollowUp(db, {
      unit_id: unitId,
      publication_id: publicationId,
      kind: REPLACE_OFFICER,
      opened_on: today,
      note: replaceOfficerNote(bulletin.year, bulletin.quarter, notice.streak),
    });
  }
}

import { addDays, todayInChina } from '../../domain/dates.js';
import { REMINDER_DAYS_BEFORE } from '../../domain/notifications.js';
import { answerState } from '../../domain/solicitation-answers.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import {
  listSolicitationAnswers,
  listSolicitationRows,
  listSolicitationTargets,
} from '../../db/repositories/solicitation.repository.js';
import { listUnitNames } from '../../db/repositories/unit-lookup.repository.js';
import { notifySolicitationDue } from './notify-events.js';

/**
 * 约稿截止提醒: for each solicitation whose deadline (China date) is two days away or today,
 * enqueues a reminder to every target unit that has not answered yet. Run on every tick of the
 * sender: the dedupe key (solicitation, deadline, days left, unit, address) makes a second run
 * on the same day enqueue nothing. Returns how many messages were added.
 */
export async function enqueueDeadlineReminders(db: Kysely<Database>, now: Date): Promise<number> {
  const today = todayInChina(now);
  const dates = new Map(REMINDER_DAYS_BEFORE.map((days) => [addDays(today, days), days]));
  const due = (await listSolicitationRows(db)).filter((s) => dates.has(s.deadline));
  if (due.length === 0) return 0;
  const [targets, answers, units] = await Promise.all([
    listSolicitationTargets(db),
    listSolicitationAnswers(db),
    listUnitNames(db),
  ]);
  let added = 0;
  for (const solicitation of due) {
    const unitIds = solicitation.all_units
      ? units.map((u) => u.id)
      : targets.filter((t) => t.solicitation_id === solicitation.id).map((t) => t.unit_id);
    const waiting = unitIds.filter(
      (unitId) =>
        answerState(
          solicitation.deadline,
          answers
            .filter((a) => a.solicitation_id === solicitation.id && a.unit_id === unitId)
            .map((a) => ({ submitted: a.submitted, sent: a.sent_at !== null })),
          today
        ) === 'pending'
    );
    if (waiting.length === 0) continue;
    added += await db
      .transaction()
      .execute((trx) => notifySolicitationDue(trx, solicitation, waiting, dates.get(solicitation.deadline)!, now));
  }
  return added;
}

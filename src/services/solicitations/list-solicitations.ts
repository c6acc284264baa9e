import type { Kysely } from 'kysely';
import { todayInChina } from '../../domain/dates.js';
import { isDistrictRole } from '../../domain/permissions.js';
import { answerState, countAnswerStates, type AnswerState } from '../../domain/solicitation-answers.js';
import type { Database } from '../../db/database.js';
import {
  listSolicitationAnswers,
  listSolicitationRows,
  listSolicitationTargets,
} from '../../db/repositories/solicitation.repository.js';
import { listUnitNames } from '../../db/repositories/unit-lookup.repository.js';
import type { DistrictSolicitation, Issuer, UnitSolicitation } from '../../shared/api/solicitations.js';
import { ITEM_STATUSES, type ItemStatus } from '../../shared/item-fields.js';
import { isUnitRole } from '../../shared/roles.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';

/**
 * Solicitations as a user sees them: the district office all, with who answered and who is
 * late; a unit those addressed to it, with its own state and the days left.
 */
export async function listSolicitations(
  db: Kysely<Database>,
  user: ActingUser,
  now: Date
): Promise<(DistrictSolicitation | UnitSolicitation)[]> {
  if (!isDistrictRole(user.role) && !isUnitRole(user.role)) throw new ServiceError('forbidden', '当前账号无权查看约稿');
  const today = todayInChina(now);
  const rows = await listSolicitationRows(db);
  const targets = await listSolicitationTargets(db);
  const answers = await listSolicitationAnswers(db);
  const allUnits = await listUnitNames(db);

  const stateOf = (deadline: string, unitId: number, solicitationId: number): AnswerState =>
    answerState(
      deadline,
      answers
        .filter((a) => a.solicitation_id === solicitationId && a.unit_id === unitId)
        .map((a) => ({ submitted: a.submitted, sent: a.sent_at !== null })),
      today
    );

  return rows
    .map((row): DistrictSolicitation | UnitSolicitation | null => {
      const targetUnits: { id: number; name: string }[] = row.all_units
        ? allUnits
        : targets.filter((t) => t.solicitation_id === row.id).map((t) => ({ id: t.unit_id, name: t.name }));
      const base = {
        id: row.id,
        ref: row.ref,
        issuer: row.issuer as Issuer,
        title: row.title,
        requirements: row.requirements,
        deadline: row.deadline,
        allUnits: Boolean(row.all_units),
        daysLeft: Math.round((Date.parse(row.deadline) - Date.parse(today)) / 86_400_000),
        version: row.version,
      };
      if (isUnitRole(user.role)) {
        if (!targetUnits.some((u) => u.id === user.unitId)) return null;
        return {
          ...base,
          state: stateOf(row.deadline, user.unitId!, row.id),
          myItems: answers
            .filter((a) => a.solicitation_id === row.id && a.unit_id === user.unitId)
            .map((a) => ({
              id: a.item_id,
              title: a.title,
              status: a.status,
              statusName: ITEM_STATUSES[a.status as ItemStatus] ?? a.status,
            })),
        };
      }
      const states = targetUnits.map((u) => ({ ...u, state: stateOf(row.deadline, u.id, row.id) }));
      return { ...base, units: states, counts: countAnswerStates(states.map((u) => u.state)) };
    })
    .filter((s) => s !== null);
}

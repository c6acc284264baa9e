import { addDays } from '../domain/dates.js';
import type { FieldValue } from '../domain/ledger-schema.js';
import { outletNamesWith, type Policy } from '../domain/policy.js';
import type { Db } from '../db/database.js';
import { findLatePenalties, findMissedDeadlines, findMissingUnits } from '../db/repositories/booking.repository.js';
import { itemsAdoptedBy } from '../db/repositories/ledger.repository.js';
import { locationOf } from '../files/read-ledger-file.js';
import type { Located } from './import-ledger.js';

/** How long after a missed deadline a manual lateness deduction is suspected of repeating it. */
const LATENESS_WINDOW_DAYS = 60;

const text = (value: FieldValue): string => value as string;

/**
 * 区领导批示 earns the bonus only on items adopted by 《番府信息》 or 《番府信息上报》: an instruction
 * stored for any other item is kept, and the user is told it earns nothing (scoring.md).
 */
export async function warnUnrewardedInstructions(
  db: Db,
  instructions: Located[],
  itemId: (ref: FieldValue) => number,
  policies: readonly Policy[]
): Promise<string[]> {
  const district = instructions.filter((l) => l.record.fields.level === 'district');
  if (district.length === 0) return [];
  const bonusOutlets = [
    ...new Set(
      policies.flatMap((p) =>
        Object.entries(p.outlets)
          .filter(([, o]) => o.instructionBonus)
          .map(([code]) => code)
      )
    ),
  ];
  const outletNames = outletNamesWith(policies, 'instructionBonus');
  const ids = [...new Set(district.map((l) => itemId(l.record.fields.item)))];
  const rewarded = await itemsAdoptedBy(db, ids, bonusOutlets);
  return district
    .filter((l) => !rewarded.has(itemId(l.record.fields.item)))
    .map(
      (l) =>
        `${locationOf(l)}: 稿件 ${text(l.record.fields.item)} 未被${outletNames}采用，区领导批示 ${l.record.id} 已记录但不加分`
    );
}

/**
 * Warnings for a manual 不按时间及要求上报约稿信息 deduction of a unit dated `date`: one for each
 * automatic deduction for a deadline missed in the window before it. Used by imports and the API.
 */
export async function repeatedLatenessWarnings(
  db: Db,
  unitId: number,
  unitName: string,
  date: string
): Promise<string[]> {
  const missed = await findMissedDeadlines(db, unitId, addDays(date, -LATENESS_WINDOW_DAYS), date);
  return missed.map(
    (m) =>
      `${unitName} 已因未在截止日期 ${m.date} 前报送约稿 ${m.record_ref} 被自动扣分；如这条扣分是同一次迟报，请勿重复扣分`
  );
}

/**
 * A missed solicitation deadline is deducted automatically; a manual 不按时间及要求上报约稿信息
 * deduction soon after it may deduct the same lateness twice. Warned either way round: a new
 * penalty after a missed deadline, or a new solicitation whose missing units were already
 * penalized by hand.
 */
export async function warnDuplicateLateness(
  db: Db,
  penalties: Located[],
  solicitations: Located[],
  unitIds: Map<string, number>,
  solicitationIds: Map<string, number>
): Promise<string[]> {
  const warnings: string[] = [];
  const newPenalties = new Set(penalties.map((l) => l.record.id));
  for (const located of penalties) {
    const { record } = located;
    if (record.fields.reason !== 'late_solicitation') continue;
    const unit = text(record.fields.unit);
    for (const warning of await repeatedLatenessWarnings(db, unitIds.get(unit)!, unit, text(record.fields.date))) {
      warnings.push(`${locationOf(located)}: ${warning}`);
    }
  }
  for (const located of solicitations) {
    const deadline = text(located.record.fields.deadline);
    const missing = await findMissingUnits(db, solicitationIds.get(located.record.id)!);
    const late = await findLatePenalties(db, missing, deadline, addDays(deadline, LATENESS_WINDOW_DAYS));
    for (const penalty of late.filter((p) => !newPenalties.has(p.ref))) {
      warnings.push(
        `${locationOf(located)}: ${penalty.unit} 未按时报送约稿 ${located.record.id}，将被自动扣分；其已有的手工迟报扣分 ${penalty.ref}（${penalty.date}）可能重复扣分`
      );
    }
  }
  return warnings;
}

import { MISSED_DEADLINE_RULE } from './as-of.js';
import { laterDate, type IsoDate } from './dates.js';
import { policyInForce, pointsFor, type Policy } from './policy.js';

/** What a booking's points are for; the colon parts name the outlet, kind, level or reason. */
export type BookingRule = string;

/** The stored record a booking came from, named as in the ledger (type and id). */
export interface RecordRef {
  type: 'item' | 'adoption' | 'instruction' | 'upward' | 'solicitation' | 'response' | 'penalty';
  ref: string;
}

/** Which group of records a booking is recomputed with: an item, a solicitation, a penalty. */
export interface BookingSource {
  type: 'item' | 'solicitation' | 'penalty';
  id: number;
}

/**
 * A booking (记分): points for one unit on one date under one rule, with the record behind it.
 * A unit's score for a period is the sum of its bookings dated in that period.
 */
export interface Booking {
  unitId: number;
  date: IsoDate;
  points: number;
  rule: BookingRule;
  /** The policy in force on `date`, whose values gave the points. */
  policy: string;
  /** The group of records the booking is recomputed with (flat, not nested: an import books hundreds of thousands). */
  sourceType: BookingSource['type'];
  sourceId: number;
  /** The record behind the points, named as in the ledger. */
  recordType: RecordRef['type'];
  recordRef: string;
  /** The item the points are for, when there is one (its ledger id). */
  itemRef: string | null;
}

export interface AdoptionFact {
  ref: string;
  outlet: string;
  kind: string | null;
  date: IsoDate;
}
export interface InstructionFact {
  ref: string;
  level: string;
  date: IsoDate;
}
export interface UpwardFact {
  ref: string;
  level: string;
  kind: string | null;
  date: IsoDate;
}
export interface ResponseFact {
  ref: string;
  deadline: IsoDate;
}

/** Everything about one item (信息稿件) that earns points. */
export interface ItemFacts {
  id: number;
  ref: string;
  unitId: number;
  submitted: IsoDate;
  adoptions: AdoptionFact[];
  instructions: InstructionFact[];
  upwards: UpwardFact[];
  /** Answers to solicitations (约稿) this item gives, with each solicitation's deadline. */
  responses: ResponseFact[];
}

/** The instruction level at district (区领导批示); the other levels are upward events. */
export const DISTRICT_LEVEL = 'district';

interface CountingAdoption extends AdoptionFact {
  points: number;
  policy: Policy;
}

/**
 * Bookings an item earns: its adoptions (once per outlet), the district instruction bonus,
 * the upward bonus as top-ups of its highest value, and the solicited-on-time bonus.
 * Pure: the same facts always give the same bookings, so a corrected or deleted record
 * is handled by recomputing the item.
 */
export function computeItemBookings(item: ItemFacts, policies: readonly Policy[]): Booking[] {
  const bookings: Booking[] = [];
  const book = (date: IsoDate, points: number, rule: string, policy: Policy, record: RecordRef) => {
    if (points !== 0) {
      bookings.push({
        unitId: item.unitId,
        date,
        points,
        rule,
        policy: policy.name,
        sourceType: 'item',
        sourceId: item.id,
        recordType: record.type,
        recordRef: record.ref,
        itemRef: item.ref,
      });
    }
  };

  const counting = countingAdoptions(item.adoptions, policies);
  for (const adoption of counting) {
    const rule =
      adoption.kind && typeof adoption.policy.outlets[adoption.outlet].points !== 'number'
        ? `adoption:${adoption.outlet}:${adoption.kind}`
        : `adoption:${adoption.outlet}`;
    book(adoption.date, adoption.points, rule, adoption.policy, { type: 'adoption', ref: adoption.ref });
  }

  bookDistrictInstruction(item, counting, policies, book);
  bookUpwardTopUps(item, counting, policies, book);
  bookSolicitedAnswer(item, counting, policies, book);
  return bookings;
}

type Book = (date: IsoDate, points: number, rule: string, policy: Policy, record: RecordRef) => void;

/**
 * The adoption that counts for each outlet: an item counts at most once per outlet; the
 * earliest adoption counts, and on the same date the one worth more.
 */
export function countingAdoptions(adoptions: readonly AdoptionFact[], policies: readonly Policy[]): CountingAdoption[] {
  // An item has a handful of adoptions: a list scan beats a Map, and imports run this per item.
  const counting: CountingAdoption[] = [];
  for (const adoption of adoptions) {
    const policy = policyInForce(policies, adoption.date);
    const outlet = policy?.outlets[adoption.outlet];
    if (!policy || !outlet) continue;
    const points = pointsFor(outlet.points, adoption.kind) ?? 0;
    const index = counting.findIndex((c) => c.outlet === adoption.outlet);
    const current = index === -1 ? undefined : counting[index];
    const isBetter =
      !current || adoption.date < current.date || (adoption.date === current.date && points > current.points);
    if (!isBetter) continue;
    const candidate = {
      ref: adoption.ref,
      outlet: adoption.outlet,
      kind: adoption.kind,
      date: adoption.date,
      points,
      policy,
    };
    if (index === -1) counting.push(candidate);
    else counting[index] = candidate;
  }
  return counting.length > 1 ? counting.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) : counting;
}

/**
 * 区领导批示: +5 once per item adopted by an instruction-bonus outlet (《番府信息》, 《番府信息上报》),
 * on the later of the earliest instruction and the earliest such adoption. Without such an
 * adoption it earns nothing.
 */
function bookDistrictInstruction(
  item: ItemFacts,
  counting: CountingAdoption[],
  policies: readonly Policy[],
  book: Book
) {
  const bonusAdoption = counting.find((a) => a.policy.outlets[a.outlet].instructionBonus);
  const instruction = earliest(item.instructions.filter((i) => i.level === DISTRICT_LEVEL));
  if (!bonusAdoption || !instruction) return;
  const date = laterDate(instruction.date, bonusAdoption.date);
  const policy = policyInForce(policies, date);
  if (policy)
    book(date, policy.districtInstruction, 'district_instruction', policy, {
      type: 'instruction',
      ref: instruction.ref,
    });
}

/**
 * 按最高加分值给予加分: the upward bonus is the highest value among the item's upward events,
 * over its whole life. Taken in date order, an event that raises the running maximum books
 * the difference on its date, or on the upward-eligible adoption's date if that is later.
 */
function bookUpwardTopUps(item: ItemFacts, counting: CountingAdoption[], policies: readonly Policy[], book: Book) {
  const eligible = counting.find((a) => a.policy.outlets[a.outlet].upwardEligible);
  if (!eligible) return;

  const events: { date: IsoDate; value: number; rule: string; policy: Policy; record: RecordRef }[] = [];
  const addEvent = (
    date: IsoDate,
    rule: string,
    record: RecordRef,
    valueUnder: (policy: Policy) => number | undefined
  ) => {
    const bookingDate = laterDate(date, eligible.date);
    const policy = policyInForce(policies, bookingDate);
    const value = policy ? valueUnder(policy) : undefined;
    if (policy && value !== undefined) events.push({ date, value, rule, policy, record });
  };
  for (const upward of item.upwards) {
    const kind = upward.kind ?? eligible.kind;
    addEvent(upward.date, `upward:${upward.level}:adoption`, { type: 'upward', ref: upward.ref }, (policy) => {
      const level = policy.upward[upward.level];
      return level ? pointsFor(level.adoption, kind) : undefined;
    });
  }
  for (const instruction of item.instructions) {
    if (instruction.level === DISTRICT_LEVEL) continue;
    addEvent(
      instruction.date,
      `upward:${instruction.level}:instruction`,
      { type: 'instruction', ref: instruction.ref },
      (policy) => policy.upward[instruction.level]?.instruction
    );
  }

  // Same date: the larger event first, so it alone carries that date's top-up.
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : b.value - a.value));
  let highest = 0;
  for (const event of events) {
    if (event.value <= highest) continue;
    book(laterDate(event.date, eligible.date), event.value - highest, event.rule, event.policy, event.record);
    highest = event.value;
  }
}

/**
 * 按时保质完成约稿任务并被采用: +2 once per item answering any solicitation on time (submitted on or
 * before its deadline) and adopted by any outlet, on the item's earliest adoption date.
 */
function bookSolicitedAnswer(item: ItemFacts, counting: CountingAdoption[], policies: readonly Policy[], book: Book) {
  const firstAdoption = counting[0];
  const onTime = item.responses.filter((r) => item.submitted <= r.deadline).sort((a, b) => (a.ref < b.ref ? -1 : 1))[0];
  if (!firstAdoption || !onTime) return;
  const policy = policyInForce(policies, firstAdoption.date);
  if (policy)
    book(firstAdoption.date, policy.solicitation.answered, 'solicitation_answered', policy, {
      type: 'response',
      ref: onTime.ref,
    });
}

function earliest<T extends { date: IsoDate; ref: string }>(records: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const r of records) if (!best || r.date < best.date || (r.date === best.date && r.ref < best.ref)) best = r;
  return best;
}

/** A solicitation (约稿) with the units it targets and the submission dates of their answers. */
export interface SolicitationFacts {
  id: number;
  ref: string;
  deadline: IsoDate;
  targetUnitIds: readonly number[];
  /** One entry per answer: the answering unit and the item's submission date. */
  answers: readonly { unitId: number; submitted: IsoDate }[];
}

/**
 * −5 once per solicitation and targeted unit with no answer submitted on or before the
 * deadline, booked on the deadline. (Whether the deadline has passed is decided when
 * scores are read, by `--as-of`.)
 */
export function computeSolicitationBookings(solicitation: SolicitationFacts, policies: readonly Policy[]): Booking[] {
  const policy = policyInForce(policies, solicitation.deadline);
  if (!policy || policy.solicitation.missed === 0) return [];
  const answered = new Set(
    solicitation.answers.filter((a) => a.submitted <= solicitation.deadline).map((a) => a.unitId)
  );
  return solicitation.targetUnitIds
    .filter((unitId) => !answered.has(unitId))
    .map((unitId) => ({
      unitId,
      date: solicitation.deadline,
      points: policy.solicitation.missed,
      rule: MISSED_DEADLINE_RULE,
      policy: policy.name,
      sourceType: 'solicitation',
      sourceId: solicitation.id,
      recordType: 'solicitation',
      recordRef: solicitation.ref,
      itemRef: null,
    }));
}

/** A manual deduction (扣分): 不按时间及要求上报约稿信息 or 受到批评. */
export interface PenaltyFacts {
  id: number;
  ref: string;
  unitId: number;
  reason: string;
  date: IsoDate;
}

export function computePenaltyBookings(penalty: PenaltyFacts, policies: readonly Policy[]): Booking[] {
  const policy = policyInForce(policies, penalty.date);
  const points = policy?.penalties[penalty.reason]?.points;
  if (!policy || !points) return [];
  return [
    {
      unitId: penalty.unitId,
      date: penalty.date,
      points,
      rule: `penalty:${penalty.reason}`,
      policy: policy.name,
      sourceType: 'penalty',
      sourceId: penalty.id,
      recordType: 'penalty',
      recordRef: penalty.ref,
      itemRef: null,
    },
  ];
}

/** Whether a booking counts as of a date: the as-of rule lives in as-of.ts, shared with the repository's SQL. */
export { countsAsOf } from './as-of.js';

/** The type of record behind a booking, which its rule determines (so it need not be stored). */
export function recordTypeOfRule(rule: BookingRule): RecordRef['type'] {
  const [head, , event] = rule.split(':');
  switch (head) {
    case 'adoption':
      return 'adoption';
    case 'district_instruction':
      return 'instruction';
    case 'upward':
      return event === 'instruction' ? 'instruction' : 'upward';
    case 'solicitation_answered':
      return 'response';
    case 'solicitation_missed':
      return 'solicitation';
    case 'penalty':
      return 'penalty';
    default:
      throw new Error(`unknown booking rule ${rule}`);
  }
}

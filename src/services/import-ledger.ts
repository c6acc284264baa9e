import type { Kysely } from 'kysely';
import {
  RECORD_TYPES,
  differingFields,
  ledgerFields,
  ledgerVocabulary,
  recordTypeOf,
  validateLedgerRecord,
  type FieldValue,
  type LedgerRecord,
  type RecordType,
} from '../domain/ledger-schema.js';
import { earliestPolicyDate } from '../domain/policy.js';
import type { Database, Db } from '../db/database.js';
import {
  countItems,
  findItemsByRef,
  findSolicitationsByRef,
  findStoredRecords,
  insertAdoptions,
  insertInstructions,
  insertItems,
  markAdoptedLedgerItems,
  insertPenalties,
  insertResponses,
  insertSolicitationUnits,
  insertSolicitations,
  insertUpwards,
  insertContacts,
} from '../db/repositories/ledger.repository.js';
import { isMobilePhone } from '../domain/phone.js';
import { refreshStatisticsAfterBulkLoad } from '../db/repositories/maintenance.repository.js';
import { deferIndexes, rebuildIndexes } from '../db/repositories/bulk-load.repository.js';
import { listPolicies } from '../db/repositories/policy.repository.js';
import { listUnits } from '../db/repositories/unit.repository.js';
import { insertBookings } from '../db/repositories/booking.repository.js';
import { warnDuplicateLateness, warnUnrewardedInstructions } from './import-warnings.js';
import { computeItemBookings, type ItemFacts } from '../domain/bookings.js';
import { locationOf, type RawRecord } from '../files/read-ledger-file.js';
import { recomputeBookings } from './recompute-bookings.js';

export type CountByType = Record<RecordType, number>;

export type ImportOutcome =
  { ok: true; stored: CountByType; skipped: CountByType; warnings: string[] } | { ok: false; problems: string[] };

type Where = Pick<RawRecord, 'file' | 'line' | 'sheet'>;

/** A valid record and where it stands; the raw fields are not kept, so they can be collected. */
export interface Located extends Where {
  record: LedgerRecord;
  order: number;
}

const zeroCounts = (): CountByType => Object.fromEntries(RECORD_TYPES.map((t) => [t, 0])) as CountByType;
const text = (value: FieldValue): string => value as string;
const nullableText = (value: FieldValue): string | null => value as string | null;

/**
 * Imports a ledger as one transaction: every record is stored, or none. Records may refer
 * to records later in the same file or already stored; a record stored before with the
 * same fields is skipped, so importing a file twice changes nothing; any invalid record
 * or conflict stops the import with every problem named by its location.
 */
export async function importLedger(
  db: Kysely<Database>,
  raws: Iterable<RawRecord>,
  options: ImportOptions = {}
): Promise<ImportOutcome> {
  let outcome: ImportOutcome;
  try {
    outcome = await db.transaction().execute(async (trx): Promise<ImportOutcome> => {
      const plan = await planImport(trx, raws);
      if ('problems' in plan) return { ok: false, problems: plan.problems };
      // A load as large as what is stored already writes faster with the list and score indexes rebuilt after it.
      const newRecords = Object.values(plan.stored).reduce((a, b) => a + b, 0);
      const isBulk = !options.dryRun && newRecords >= BULK_LOAD_RECORDS * 10 && newRecords >= (await countItems(trx));
      const deferred = isBulk ? await deferIndexes(trx) : [];
      const warnings = await storePlan(trx, plan);
      await rebuildIndexes(trx, deferred);
      const stored: ImportOutcome = { ok: true, stored: plan.stored, skipped: plan.skipped, warnings };
      // A dry run stores everything, so its counts and warnings are exactly the real import's, then rolls it back.
      if (options.dryRun) throw new DryRunRollback(stored);
      await options.onStored?.(trx, stored);
      return stored;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.outcome;
    throw error;
  }
  if (outcome.ok && Object.values(outcome.stored).reduce((a, b) => a + b, 0) >= BULK_LOAD_RECORDS)
    await refreshStatisticsAfterBulkLoad(db);
  return outcome;
}

export interface ImportOptions {
  /** Validate and count what would be stored, then roll everything back. */
  dryRun?: boolean;
  /** Runs in the import's transaction once everything is stored (e.g. to audit it). */
  onStored?: (trx: Db, outcome: Extract<ImportOutcome, { ok: true }>) => Promise<void>;
}

class DryRunRollback extends Error {
  constructor(readonly outcome: Extract<ImportOutcome, { ok: true }>) {
    super('dry run');
  }
}

/** An import this large changes the tables enough to refresh the planner's statistics. */
const BULK_LOAD_RECORDS = 10_000;

interface ImportPlan {
  fresh: Record<RecordType, Located[]>;
  stored: CountByType;
  skipped: CountByType;
  unitIds: Map<string, number>;
  storedItems: Map<string, { id: number; unitId: number }>;
  storedSolicitations: Map<string, { id: number; deadline: string }>;
  policies: Awaited<ReturnType<typeof listPolicies>>;
}

async function planImport(trx: Db, raws: Iterable<RawRecord>): Promise<ImportPlan | { problems: string[] }> {
  const problems: { order: number; text: string }[] = [];
  const report = (order: number, where: Where, message: string) =>
    problems.push({ order, text: `${locationOf(where)}: ${message}` });

  const units = await listUnits(trx);
  const unitIds = new Map(units.map((u) => [u.name, u.id]));
  const policies = await listPolicies(trx);
  const earliest = earliestPolicyDate(policies);
  if (!earliest) return { problems: ['数据库中没有考核政策，无法导入'] };
  // Outlets, kinds and levels of every stored policy version: a later version may introduce new ones.
  const context = {
    earliestPolicyDate: earliest,
    hasUnit: (name: string) => unitIds.has(name),
    fields: ledgerFields(ledgerVocabulary(policies)),
  };

  // Ids of invalid or conflicting records: a reference to one is not reported a second time.
  const invalidIds = new Map<RecordType, Set<string>>(RECORD_TYPES.map((t) => [t, new Set()]));
  const firstById = new Map<RecordType, Map<string, Located>>(RECORD_TYPES.map((t) => [t, new Map()]));
  const skipped = zeroCounts();

  let order = 0;
  for (const raw of raws) {
    order++;
    if (raw.problem !== undefined) {
      report(order, raw, raw.problem);
      continue;
    }
    const result = validateLedgerRecord(raw.fields, context);
    if ('problems' in result) {
      const rawType = recordTypeOf(raw.fields.type);
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the record's id as written in the file.
      if (rawType && raw.fields.id !== undefined) invalidIds.get(rawType)!.add(String(raw.fields.id).trim());
      for (const message of result.problems) report(order, raw, message);
      continue;
    }
    const { record } = result;
    const earlier = firstById.get(record.type)!.get(record.id);
    if (!earlier) {
      firstById.get(record.type)!.set(record.id, { record, file: raw.file, line: raw.line, sheet: raw.sheet, order });
      continue;
    }
    const differing = differingFields(earlier.record, record);
    if (differing.length === 0) skipped[record.type]++;
    else {
      invalidIds.get(record.type)!.add(record.id);
      report(
        order,
        raw,
        `${record.type} ${record.id} 与 ${locationOf(earlier)} 的同编号记录不一致（${describeDifferences(differing, earlier.record, record, '前者')}）`
      );
    }
  }

  // Records already stored: identical ones are skipped, different ones are conflicts.
  const fresh = Object.fromEntries(RECORD_TYPES.map((t) => [t, [] as Located[]])) as Record<RecordType, Located[]>;
  for (const type of RECORD_TYPES) {
    const inFile = [...firstById.get(type)!.values()];
    const stored = new Map(
      (
        await findStoredRecords(
          trx,
          type,
          inFile.map((l) => l.record.id)
        )
      ).map((r) => [r.id, r])
    );
    for (const located of inFile) {
      const existing = stored.get(located.record.id);
      if (!existing) fresh[type].push(located);
      else {
        const differing = differingFields(existing, located.record);
        if (differing.length === 0) skipped[type]++;
        else {
          invalidIds.get(type)!.add(located.record.id);
          report(
            located.order,
            located,
            `${type} ${located.record.id} 与数据库中已存储的同编号记录不一致（${describeDifferences(differing, existing, located.record, '已存')}）；已存储的记录不能由导入修改，请使用新的编号`
          );
        }
      }
    }
  }

  // References: to items and solicitations in this file or already stored.
  const newItems = new Map(fresh.item.map((l) => [l.record.id, l.record]));
  const newSolicitations = new Map(fresh.solicitation.map((l) => [l.record.id, l.record]));
  const referencing = [...fresh.adoption, ...fresh.instruction, ...fresh.upward, ...fresh.response];
  const itemRefs = [...new Set(referencing.map((l) => text(l.record.fields.item)).filter((ref) => !newItems.has(ref)))];
  const storedItems = new Map(
    (await findItemsByRef(trx, itemRefs)).map((i) => [i.ref, { id: i.id, unitId: i.unit_id }])
  );
  const solicitationRefs = [
    ...new Set(
      fresh.response.map((l) => text(l.record.fields.solicitation)).filter((ref) => !newSolicitations.has(ref))
    ),
  ];
  const storedSolicitationKeys = await findSolicitationsByRef(trx, solicitationRefs);
  const storedSolicitations = new Map(storedSolicitationKeys.map((s) => [s.ref, { id: s.id, deadline: s.deadline }]));
  const unitNameById = new Map(units.map((u) => [u.id, u.name]));
  const solicitationTargets = new Map<string, Set<string> | null>([
    ...storedSolicitationKeys.map(
      (s) => [s.ref, s.unitIds && new Set(s.unitIds.map((id) => unitNameById.get(id)!))] as const
    ),
    ...fresh.solicitation.map(
      (l) => [l.record.id, l.record.fields.units ? new Set(l.record.fields.units as string[]) : null] as const
    ),
  ]);

  const itemUnit = (ref: string): string | undefined => {
    const inFile = newItems.get(ref);
    if (inFile) return text(inFile.fields.unit);
    const stored = storedItems.get(ref);
    return stored && unitNameById.get(stored.unitId);
  };
  const checkReference = (
    located: Located,
    field: string,
    type: 'item' | 'solicitation',
    known: (ref: string) => boolean
  ): boolean => {
    const ref = text(located.record.fields[field]);
    if (known(ref)) return true;
    if (!invalidIds.get(type)!.has(ref)) {
      report(
        located.order,
        located,
        `${field} 的值 ${JSON.stringify(ref)} 不存在：文件中和数据库中都没有编号为 ${ref} 的 ${type} 记录`
      );
    }
    return false;
  };
  for (const located of referencing) checkReference(located, 'item', 'item', (ref) => itemUnit(ref) !== undefined);
  for (const located of fresh.response) {
    // A conflicting item or solicitation is reported already; its stored unit would only mislead here.
    if (invalidIds.get('item')!.has(text(located.record.fields.item))) continue;
    const hasSolicitation = checkReference(located, 'solicitation', 'solicitation', (ref) =>
      solicitationTargets.has(ref)
    );
    const unit = itemUnit(text(located.record.fields.item));
    const targets = solicitationTargets.get(text(located.record.fields.solicitation));
    if (hasSolicitation && unit !== undefined && targets && !targets.has(unit)) {
      report(
        located.order,
        located,
        `稿件 ${text(located.record.fields.item)} 的单位“${unit}”不在约稿 ${text(located.record.fields.solicitation)} 的约稿对象中`
      );
    }
  }

  if (problems.length > 0) return { problems: problems.sort((a, b) => a.order - b.order).map((p) => p.text) };
  const stored = Object.fromEntries(RECORD_TYPES.map((t) => [t, fresh[t].length])) as CountByType;
  return { fresh, stored, skipped, unitIds, storedItems, storedSolicitations, policies };
}

function describeDifferences(fields: string[], before: LedgerRecord, after: LedgerRecord, beforeName: string): string {
  return fields
    .map((f) => `${f}：${beforeName} ${JSON.stringify(before.fields[f])}，本行 ${JSON.stringify(after.fields[f])}`)
    .join('；');
}

/** Writes a validated plan and recomputes the bookings it touches; returns warnings for the user. */
async function storePlan(trx: Db, plan: ImportPlan): Promise<string[]> {
  const { fresh, unitIds } = plan;
  const unitId = (value: FieldValue) => unitIds.get(text(value))!;

  // An item's state follows its records: one the ledger shows adopted is 已采用, the others 已接收.
  const adopted = new Set(fresh.adoption.map(({ record }) => text(record.fields.item)));
  const insertedItems = await insertItems(
    trx,
    fresh.item.map(({ record: { id, fields: f } }) => [
      id,
      unitId(f.unit),
      text(f.title),
      text(f.submitted),
      nullableText(f.body),
      nullableText(f.category),
      text(f.submitted),
      adopted.has(id) ? 'adopted' : 'received',
    ])
  );
  const itemIds = new Map([...plan.storedItems].map(([ref, item]) => [ref, item.id]));
  for (const row of insertedItems) itemIds.set(row.ref, row.id);
  const itemId = (value: FieldValue) => itemIds.get(text(value))!;

  const insertedSolicitations = await insertSolicitations(
    trx,
    fresh.solicitation.map(({ record: { id, fields: f } }) => [
      id,
      text(f.issuer),
      text(f.title),
      text(f.deadline),
      f.units === null ? 1 : 0,
    ])
  );
  const solicitationIds = new Map([...plan.storedSolicitations].map(([ref, s]) => [ref, s.id]));
  for (const row of insertedSolicitations) solicitationIds.set(row.ref, row.id);
  await insertSolicitationUnits(
    trx,
    fresh.solicitation.flatMap(({ record }) =>
      ((record.fields.units as string[] | null) ?? []).map((name): [number, number] => [
        solicitationIds.get(record.id)!,
        unitIds.get(name)!,
      ])
    )
  );

  await insertAdoptions(
    trx,
    fresh.adoption.map(({ record: { id, fields: f } }) => [
      id,
      itemId(f.item),
      text(f.outlet),
      nullableText(f.kind),
      text(f.date),
      nullableText(f.issue),
    ])
  );
  await insertInstructions(
    trx,
    fresh.instruction.map(({ record: { id, fields: f } }) => [
      id,
      itemId(f.item),
      text(f.level),
      text(f.date),
      nullableText(f.leader),
      nullableText(f.text),
    ])
  );
  await insertUpwards(
    trx,
    fresh.upward.map(({ record: { id, fields: f } }) => [
      id,
      itemId(f.item),
      text(f.level),
      nullableText(f.kind),
      text(f.date),
    ])
  );
  await insertResponses(
    trx,
    fresh.response.map(({ record: { id, fields: f } }) => [
      id,
      solicitationIds.get(text(f.solicitation))!,
      itemId(f.item),
    ])
  );
  const insertedPenalties = await insertPenalties(
    trx,
    fresh.penalty.map(({ record: { id, fields: f } }) => [
      id,
      unitId(f.unit),
      text(f.reason),
      text(f.date),
      nullableText(f.note),
    ])
  );

  // 信息员名册: registrations as the roster has them; one phone number goes where its kind belongs.
  const registeredAt = new Date().toISOString();
  await insertContacts(
    trx,
    fresh.contact.map(({ record: { id, fields: f } }) => {
      const phone = nullableText(f.phone);
      const isMobile = phone !== null && isMobilePhone(phone);
      return [
        id,
        unitId(f.unit),
        text(f.duty),
        text(f.name),
        nullableText(f.post) ?? '',
        isMobile ? null : phone,
        isMobile ? phone : null,
        nullableText(f.email),
        text(f.staffing),
        text(f.from),
        nullableText(f.to),
        registeredAt,
        registeredAt,
      ];
    })
  );

  // Items created by this import have all their records in the file: score them from memory.
  // Stored items the file adds records to are rescored from the database.
  const deadlines = new Map([...plan.storedSolicitations].map(([ref, s]) => [ref, s.deadline]));
  for (const { record } of fresh.solicitation) deadlines.set(record.id, text(record.fields.deadline));
  const newItemFacts = itemFactsOf(fresh, insertedItems, unitIds, deadlines);
  await insertBookings(
    trx,
    [...newItemFacts.values()].flatMap((facts) => computeItemBookings(facts, plan.policies))
  );

  const touchedStoredItems = [...fresh.adoption, ...fresh.instruction, ...fresh.upward, ...fresh.response]
    .map((l) => itemId(l.record.fields.item))
    .filter((id) => !newItemFacts.has(id));
  const touchedSolicitations = [
    ...insertedSolicitations.map((r) => r.id),
    ...fresh.response.map((l) => solicitationIds.get(text(l.record.fields.solicitation))!),
  ];
  await markAdoptedLedgerItems(trx, [
    ...new Set(fresh.adoption.map((l) => itemId(l.record.fields.item)).filter((id) => !newItemFacts.has(id))),
  ]);
  await recomputeBookings(
    trx,
    {
      itemIds: touchedStoredItems,
      solicitationIds: touchedSolicitations,
      penaltyIds: insertedPenalties.map((r) => r.id),
    },
    plan.policies
  );

  return [
    ...(await warnUnrewardedInstructions(trx, fresh.instruction, itemId, plan.policies)),
    ...(await warnDuplicateLateness(trx, fresh.penalty, fresh.solicitation, unitIds, solicitationIds)),
  ];
}

/** The rules engine's view of the items this import creates, from the file's records. */
function itemFactsOf(
  fresh: Record<RecordType, Located[]>,
  inserted: { id: number; ref: string }[],
  unitIds: Map<string, number>,
  deadlines: Map<string, string>
): Map<number, ItemFacts> {
  const idByRef = new Map(inserted.map((r) => [r.ref, r.id]));
  const facts = new Map<number, ItemFacts>();
  const byRef = new Map<string, ItemFacts>();
  for (const {
    record: { id: ref, fields: f },
  } of fresh.item) {
    // Most items have no instruction, upward adoption or response: share one empty list until they do.
    const item: ItemFacts = {
      id: idByRef.get(ref)!,
      ref,
      unitId: unitIds.get(text(f.unit))!,
      submitted: text(f.submitted),
      adoptions: NONE,
      instructions: NONE,
      upwards: NONE,
      responses: NONE,
    };
    facts.set(item.id, item);
    byRef.set(ref, item);
  }
  const add = <K extends 'adoptions' | 'instructions' | 'upwards' | 'responses'>(
    itemRef: FieldValue,
    list: K,
    fact: ItemFacts[K][number]
  ) => {
    const item = byRef.get(text(itemRef));
    if (!item) return;
    if (item[list] === NONE) item[list] = [] as ItemFacts[K];
    (item[list] as ItemFacts[K][number][]).push(fact);
  };
  for (const {
    record: { id: ref, fields: f },
  } of fresh.adoption)
    add(f.item, 'adoptions', { ref, outlet: text(f.outlet), kind: nullableText(f.kind), date: text(f.date) });
  for (const {
    record: { id: ref, fields: f },
  } of fresh.instruction)
    add(f.item, 'instructions', { ref, level: text(f.level), date: text(f.date) });
  for (const {
    record: { id: ref, fields: f },
  } of fresh.upward)
    add(f.item, 'upwards', { ref, level: text(f.level), kind: nullableText(f.kind), date: text(f.date) });
  for (const {
    record: { id: ref, fields: f },
  } of fresh.response)
    add(f.item, 'responses', { ref, deadline: deadlines.get(text(f.solicitation))! });
  return facts;
}

const NONE = Object.freeze([]) as unknown as never[];

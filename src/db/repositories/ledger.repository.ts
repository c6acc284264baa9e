import type { LedgerRecord, RecordType } from '../../domain/ledger-schema.js';
import type { Db } from '../database.js';
import { bulkInsert, chunked, selectByRefs } from './bulk.js';
import { forgetItemTotals } from './item.repository.js';

/**
 * Stored records rebuilt in their ledger form (units and items named by name and ref), so
 * an import can tell an identical re-import from a conflict.
 */
export async function findStoredRecords(db: Db, type: RecordType, refs: readonly string[]): Promise<LedgerRecord[]> {
  // Most refs of an import are new: find the stored ones on the unique index alone, then rebuild only those.
  // Registrations made on the page have no ledger id: their ref is null and never matches.
  const table = type === 'contact' ? 'unit_contacts' : TABLE_OF[type];
  const stored = (await selectByRefs<{ ref: string }>(db, table, refs, ['ref'])).map((row) => row.ref);
  const records: LedgerRecord[] = [];
  for (const chunk of chunked(stored)) records.push(...(await findStoredChunk(db, type, chunk)));
  return records;
}

const TABLE_OF = {
  item: 'items',
  adoption: 'adoptions',
  instruction: 'instructions',
  upward: 'upwards',
  solicitation: 'solicitations',
  response: 'responses',
  penalty: 'penalties',
} as const satisfies Record<Exclude<RecordType, 'contact'>, string>;

async function findStoredChunk(db: Db, type: RecordType, refs: string[]): Promise<LedgerRecord[]> {
  const record = (id: string, fields: LedgerRecord['fields']): LedgerRecord => ({ type, id, fields });
  switch (type) {
    case 'item': {
      const rows = await db
        .selectFrom('items')
        .innerJoin('units', 'units.id', 'items.unit_id')
        .select(['items.ref', 'units.name as unit', 'items.title', 'items.submitted', 'items.body', 'items.category'])
        .where('items.ref', 'in', refs)
        .execute();
      return rows.map((r) =>
        record(r.ref, { unit: r.unit, title: r.title, submitted: r.submitted, body: r.body, category: r.category })
      );
    }
    case 'adoption': {
      const rows = await db
        .selectFrom('adoptions')
        .innerJoin('items', 'items.id', 'adoptions.item_id')
        .select([
          'adoptions.ref',
          'items.ref as item',
          'adoptions.outlet',
          'adoptions.kind',
          'adoptions.date',
          'adoptions.issue',
        ])
        .where('adoptions.ref', 'in', refs)
        .execute();
      return rows.map((r) =>
        record(r.ref, { item: r.item, outlet: r.outlet, kind: r.kind, date: r.date, issue: r.issue })
      );
    }
    case 'instruction': {
      const rows = await db
        .selectFrom('instructions')
        .innerJoin('items', 'items.id', 'instructions.item_id')
        .select([
          'instructions.ref',
          'items.ref as item',
          'instructions.level',
          'instructions.date',
          'instructions.leader',
          'instructions.text',
        ])
        .where('instructions.ref', 'in', refs)
        .execute();
      return rows.map((r) =>
        record(r.ref, { item: r.item, level: r.level, date: r.date, leader: r.leader, text: r.text })
      );
    }
    case 'upward': {
      const rows = await db
        .selectFrom('upwards')
        .innerJoin('items', 'items.id', 'upwards.item_id')
        .select(['upwards.ref', 'items.ref as item', 'upwards.level', 'upwards.date', 'upwards.kind'])
        .where('upwards.ref', 'in', refs)
        .execute();
      return rows.map((r) => record(r.ref, { item: r.item, level: r.level, date: r.date, kind: r.kind }));
    }
    case 'solicitation': {
      const rows = await db.selectFrom('solicitations').selectAll().where('ref', 'in', refs).execute();
      const targets = await solicitationTargetNames(
        db,
        rows.filter((r) => !r.all_units).map((r) => r.id)
      );
      return rows.map((r) =>
        record(r.ref, {
          issuer: r.issuer,
          title: r.title,
          deadline: r.deadline,
          units: r.all_units ? null : (targets.get(r.id) ?? []).sort(),
        })
      );
    }
    case 'response': {
      const rows = await db
        .selectFrom('responses')
        .innerJoin('items', 'items.id', 'responses.item_id')
        .innerJoin('solicitations', 'solicitations.id', 'responses.solicitation_id')
        .select(['responses.ref', 'solicitations.ref as solicitation', 'items.ref as item'])
        .where('responses.ref', 'in', refs)
        .execute();
      return rows.map((r) => record(r.ref, { solicitation: r.solicitation, item: r.item }));
    }
    case 'penalty': {
      const rows = await db
        .selectFrom('penalties')
        .innerJoin('units', 'units.id', 'penalties.unit_id')
        .select(['penalties.ref', 'units.name as unit', 'penalties.reason', 'penalties.date', 'penalties.note'])
        .where('penalties.ref', 'in', refs)
        .execute();
      return rows.map((r) => record(r.ref, { unit: r.unit, reason: r.reason, date: r.date, note: r.note }));
    }
    case 'contact': {
      const rows = await db
        .selectFrom('unit_contacts')
        .innerJoin('units', 'units.id', 'unit_contacts.unit_id')
        .select([
          'unit_contacts.ref',
          'units.name as unit',
          'unit_contacts.duty',
          'unit_contacts.name',
          'unit_contacts.post',
          'unit_contacts.mobile',
          'unit_contacts.office_phone',
          'unit_contacts.email',
          'unit_contacts.staffing',
          'unit_contacts.started_on',
          'unit_contacts.ended_on',
        ])
        .where('unit_contacts.ref', 'in', refs)
        .execute();
      return rows.map((r) =>
        record(r.ref!, {
          unit: r.unit,
          duty: r.duty,
          name: r.name,
          // A ledger's absent 职务 is stored empty (the column is required for page registrations).
          post: r.post === '' ? null : r.post,
          phone: r.mobile ?? r.office_phone,
          email: r.email,
          staffing: r.staffing,
          from: r.started_on,
          to: r.ended_on,
        })
      );
    }
  }
}

async function solicitationTargetNames(db: Db, solicitationIds: number[]): Promise<Map<number, string[]>> {
  const names = new Map<number, string[]>();
  for (const chunk of chunked(solicitationIds)) {
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('solicitation_units')
      .innerJoin('units', 'units.id', 'solicitation_units.unit_id')
      .select(['solicitation_units.solicitation_id as id', 'units.name'])
      .where('solicitation_units.solicitation_id', 'in', chunk)
      .execute();
    for (const row of rows) names.set(row.id, [...(names.get(row.id) ?? []), row.name]);
  }
  return names;
}

/** A stored item as references to it need it. */
export interface ItemKey {
  id: number;
  ref: string;
  unit_id: number;
  submitted: string;
}

export const findItemsByRef = (db: Db, refs: readonly string[]): Promise<ItemKey[]> =>
  selectByRefs<ItemKey>(db, 'items', refs, ['id', 'ref', 'unit_id', 'submitted']);

/** A stored solicitation as responses to it need it: `unitIds` null when it targets all units. */
export interface SolicitationKey {
  id: number;
  ref: string;
  deadline: string;
  unitIds: number[] | null;
}

export async function findSolicitationsByRef(db: Db, refs: readonly string[]): Promise<SolicitationKey[]> {
  const found: SolicitationKey[] = [];
  for (const chunk of chunked(refs)) {
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('solicitations')
      .select(['id', 'ref', 'deadline', 'all_units'])
      .where('ref', 'in', chunk)
      .execute();
    const targets = await solicitationTargetIds(
      db,
      rows.filter((r) => !r.all_units).map((r) => r.id)
    );
    found.push(
      ...rows.map((r) => ({
        id: r.id,
        ref: r.ref,
        deadline: r.deadline,
        unitIds: r.all_units ? null : (targets.get(r.id) ?? []),
      }))
    );
  }
  return found;
}

export async function solicitationTargetIds(
  db: Db,
  solicitationIds: readonly number[]
): Promise<Map<number, number[]>> {
  const ids = new Map<number, number[]>();
  for (const chunk of chunked(solicitationIds)) {
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('solicitation_units')
      .select(['solicitation_id', 'unit_id'])
      .where('solicitation_id', 'in', chunk)
      .execute();
    for (const row of rows) {
      const list = ids.get(row.solicitation_id) ?? [];
      list.push(row.unit_id);
      ids.set(row.solicitation_id, list);
    }
  }
  return ids;
}

type Returned = { id: number; ref: string };

/** Ledger items reached the district office on their submission date: `sent_at` is that date. */
export function insertItems(
  db: Db,
  rows: [
    ref: string,
    unitId: number,
    title: string,
    submitted: string,
    body: string | null,
    category: string | null,
    sentAt: string,
    status: string,
  ][]
) {
  forgetItemTotals();
  return bulkInsert<Returned>(
    db,
    'items',
    ['ref', 'unit_id', 'title', 'submitted', 'body', 'category', 'sent_at', 'status'],
    rows,
    ['id', 'ref']
  );
}

/** Ledger items among `ids` still 已接收 that now carry an adoption become 已采用 (their state follows their records). */
export async function markAdoptedLedgerItems(db: Db, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    forgetItemTotals();
    await db
      .updateTable('items')
      .set({ status: 'adopted' })
      .where('id', 'in', chunk)
      .where('origin', '=', 'ledger')
      .where('status', '=', 'received')
      .where((eb) =>
        eb.exists(eb.selectFrom('adoptions').select('adoptions.id').whereRef('adoptions.item_id', '=', 'items.id'))
      )
      .execute();
  }
}

export function insertAdoptions(
  db: Db,
  rows: [ref: string, itemId: number, outlet: string, kind: string | null, date: string, issue: string | null][]
) {
  forgetItemTotals();
  return bulkInsert(db, 'adoptions', ['ref', 'item_id', 'outlet', 'kind', 'date', 'issue'], rows);
}

export const insertInstructions = (
  db: Db,
  rows: [ref: string, itemId: number, level: string, date: string, leader: string | null, text: string | null][]
) => bulkInsert(db, 'instructions', ['ref', 'item_id', 'level', 'date', 'leader', 'text'], rows);

export const insertUpwards = (
  db: Db,
  rows: [ref: string, itemId: number, level: string, kind: string | null, date: string][]
) => bulkInsert(db, 'upwards', ['ref', 'item_id', 'level', 'kind', 'date'], rows);

export const insertSolicitations = (
  db: Db,
  rows: [ref: string, issuer: string, title: string, deadline: string, allUnits: number][]
) =>
  bulkInsert<Returned>(db, 'solicitations', ['ref', 'issuer', 'title', 'deadline', 'all_units'], rows, ['id', 'ref']);

export const insertSolicitationUnits = (db: Db, rows: [solicitationId: number, unitId: number][]) =>
  bulkInsert(db, 'solicitation_units', ['solicitation_id', 'unit_id'], rows);

export const insertResponses = (db: Db, rows: [ref: string, solicitationId: number, itemId: number][]) =>
  bulkInsert(db, 'responses', ['ref', 'solicitation_id', 'item_id'], rows);

export const insertPenalties = (
  db: Db,
  rows: [ref: string, unitId: number, reason: string, date: string, note: string | null][]
) => bulkInsert<Returned>(db, 'penalties', ['ref', 'unit_id', 'reason', 'date', 'note'], rows, ['id', 'ref']);

export const insertContacts = (
  db: Db,
  rows: [
    ref: string,
    unitId: number,
    duty: string,
    name: string,
    post: string,
    officePhone: string | null,
    mobile: string | null,
    email: string | null,
    staffing: string,
    startedOn: string,
    endedOn: string | null,
    createdAt: string,
    updatedAt: string,
  ][]
) =>
  bulkInsert(
    db,
    'unit_contacts',
    [
      'ref',
      'unit_id',
      'duty',
      'name',
      'post',
      'office_phone',
      'mobile',
      'email',
      'staffing',
      'started_on',
      'ended_on',
      'created_at',
      'updated_at',
    ],
    rows
  );

/** Whether any record (item, solicitation or penalty) is stored: the demo refuses such a database. */
export async function hasRecords(db: Db): Promise<boolean> {
  for (const table of ['items', 'solicitations', 'penalties'] as const) {
    if (await db.selectFrom(table).select('id').limit(1).executeTakeFirst()) return true;
  }
  return false;
}

/** Ids of every item, solicitation and penalty: rescoring everything after a policy change. */
export async function listAllSourceIds(
  db: Db
): Promise<{ itemIds: number[]; solicitationIds: number[]; penaltyIds: number[] }> {
  const [items, solicitations, penalties] = await Promise.all([
    db.selectFrom('items').select('id').execute(),
    db.selectFrom('solicitations').select('id').execute(),
    db.selectFrom('penalties').select('id').execute(),
  ]);
  return {
    itemIds: items.map((r) => r.id),
    solicitationIds: solicitations.map((r) => r.id),
    penaltyIds: penalties.map((r) => r.id),
  };
}

export async function countItems(db: Db): Promise<number> {
  const row = await db
    .selectFrom('items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Of the given items, those adopted by one of the outlets. */
export async function itemsAdoptedBy(
  db: Db,
  itemIds: readonly number[],
  outlets: readonly string[]
): Promise<Set<number>> {
  const adopted = new Set<number>();
  if (outlets.length === 0) return adopted;
  for (const chunk of chunked(itemIds)) {
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('adoptions')
      .select('item_id')
      .where('item_id', 'in', chunk)
      .where('outlet', 'in', outlets)
      .execute();
    for (const row of rows) adopted.add(row.item_id);
  }
  return adopted;
}

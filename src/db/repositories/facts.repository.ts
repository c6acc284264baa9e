import type { ItemFacts, PenaltyFacts, SolicitationFacts } from '../../domain/bookings.js';
import type { Db } from '../database.js';
import { chunked } from './bulk.js';
import { solicitationTargetIds } from './ledger.repository.js';

/** Loads each item with every record that earns it points, for the rules engine. */
export async function loadItemFacts(db: Db, itemIds: readonly number[]): Promise<ItemFacts[]> {
  const facts: ItemFacts[] = [];
  for (const ids of chunked(itemIds)) {
    if (ids.length === 0) continue;
    const [items, adoptions, instructions, upwards, responses] = await Promise.all([
      db.selectFrom('items').select(['id', 'ref', 'unit_id', 'submitted']).where('id', 'in', ids).execute(),
      db
        .selectFrom('adoptions')
        .select(['item_id', 'ref', 'outlet', 'kind', 'date'])
        .where('item_id', 'in', ids)
        .execute(),
      db.selectFrom('instructions').select(['item_id', 'ref', 'level', 'date']).where('item_id', 'in', ids).execute(),
      db
        .selectFrom('upwards')
        .select(['item_id', 'ref', 'level', 'kind', 'date'])
        .where('item_id', 'in', ids)
        .execute(),
      db
        .selectFrom('responses')
        .innerJoin('solicitations', 'solicitations.id', 'responses.solicitation_id')
        .select(['responses.item_id', 'responses.ref', 'solicitations.deadline'])
        .where('responses.item_id', 'in', ids)
        .execute(),
    ]);
    const byId = new Map<number, ItemFacts>();
    for (const item of items) {
      const fact: ItemFacts = {
        id: item.id,
        ref: item.ref,
        unitId: item.unit_id,
        submitted: item.submitted,
        adoptions: [],
        instructions: [],
        upwards: [],
        responses: [],
      };
      byId.set(item.id, fact);
      facts.push(fact);
    }
    for (const { item_id, ...a } of adoptions) byId.get(item_id)?.adoptions.push(a);
    for (const { item_id, ...i } of instructions) byId.get(item_id)?.instructions.push(i);
    for (const { item_id, ...u } of upwards) byId.get(item_id)?.upwards.push(u);
    for (const { item_id, ...r } of responses) byId.get(item_id)?.responses.push(r);
  }
  return facts;
}

/** Loads each solicitation with its target units (every unit when it names none) and its answers. */
export async function loadSolicitationFacts(db: Db, solicitationIds: readonly number[]): Promise<SolicitationFacts[]> {
  const facts: SolicitationFacts[] = [];
  let allUnitIds: number[] | undefined;
  for (const ids of chunked(solicitationIds)) {
    if (ids.length === 0) continue;
    const rows = await db
      .selectFrom('solicitations')
      .select(['id', 'ref', 'deadline', 'all_units'])
      .where('id', 'in', ids)
      .execute();
    const targets = await solicitationTargetIds(db, ids);
    // An answer counts once it has left its unit: a draft linked to a solicitation is not sent.
    const answers = await db
      .selectFrom('responses')
      .innerJoin('items', 'items.id', 'responses.item_id')
      .select(['responses.solicitation_id', 'items.unit_id', 'items.submitted'])
      .where('responses.solicitation_id', 'in', ids)
      .where('items.sent_at', 'is not', null)
      .execute();
    if (rows.some((r) => r.all_units) && !allUnitIds) {
      allUnitIds = (await db.selectFrom('units').select('id').execute()).map((u) => u.id);
    }
    for (const row of rows) {
      facts.push({
        id: row.id,
        ref: row.ref,
        deadline: row.deadline,
        targetUnitIds: row.all_units ? (allUnitIds ?? []) : (targets.get(row.id) ?? []),
        answers: answers
          .filter((a) => a.solicitation_id === row.id)
          .map((a) => ({ unitId: a.unit_id, submitted: a.submitted })),
      });
    }
  }
  return facts;
}

export async function loadPenaltyFacts(db: Db, penaltyIds: readonly number[]): Promise<PenaltyFacts[]> {
  const facts: PenaltyFacts[] = [];
  for (const ids of chunked(penaltyIds)) {
    if (ids.length === 0) continue;
    const rows = await db
      .selectFrom('penalties')
      .select(['id', 'ref', 'unit_id', 'reason', 'date'])
      .where('id', 'in', ids)
      .execute();
    facts.push(...rows.map((r) => ({ id: r.id, ref: r.ref, unitId: r.unit_id, reason: r.reason, date: r.date })));
  }
  return facts;
}

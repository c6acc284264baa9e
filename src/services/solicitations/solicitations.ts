import type { Kysely } from 'kysely';
import { isIsoDate, todayInChina } from '../../domain/dates.js';
import { earliestPolicyDate } from '../../domain/policy.js';
import { isDistrictRole } from '../../domain/permissions.js';
import type { Database } from '../../db/database.js';
import { insertWithRef } from '../../db/repositories/editorial.repository.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import { ITEM_STATUSES, type ItemStatus } from '../../shared/item-fields.js';
import { isUnitRole } from '../../shared/roles.js';
import { appendAudit } from '../audit/append-audit.js';
import { loadVisibleItem, requireRole, type ActingUser } from '../items/item-access.js';
import { linkResponse } from './link-response.js';
import { recomputeBookings } from '../recompute-bookings.js';
import { repeatedLatenessWarnings } from '../import-warnings.js';
import { ServiceError } from '../service-error.js';

export interface SolicitationInput {
  issuer: 'district' | 'city';
  title: string;
  requirements?: string | null;
  deadline: string;
  /** The units it targets; absent means every unit (an empty list is refused). */
  unitIds?: number[];
}

/** 约稿: the editor asks units for items by a deadline. Units that do not answer in time lose 5 points on the deadline, by themselves. */
export async function createSolicitation(db: Kysely<Database>, user: ActingUser, input: SolicitationInput, now: Date): Promise<{ id: number; ref: string }> {
  requireRole(user, ['editor'], '发布约稿');
  const policies = await listPolicies(db);
  if (!isIsoDate(input.deadline)) throw new ServiceError('invalid', '截止日期不是有效日期', { field: 'deadline', label: '截止日期' });
  if (input.deadline < earliestPolicyDate(policies)!) throw new ServiceError('invalid', `截止日期早于最早的考核政策生效日期 ${earliestPolicyDate(policies)}`, { field: 'deadline', label: '截止日期' });
  if (input.unitIds && input.unitIds.length === 0) throw new ServiceError('invalid', '约稿对象不能为空；面向全部单位时请不选', { field: 'unitIds', label: '约稿对象' });
  const unitIds = [...new Set(input.unitIds ?? [])];
  if (unitIds.length > 0) {
    const found = await db.selectFrom('units').select('id').where('id', 'in', unitIds).execute();
    if (found.length !== unitIds.length) throw new ServiceError('invalid', '约稿对象中有不存在的单位', { field: 'unitIds', label: '约稿对象' });
  }
  return db.transaction().execute(async (trx) => {
    const values = { issuer: input.issuer, title: input.title.trim(), requirements: input.requirements?.trim() || null, deadline: input.deadline, all_units: unitIds.length === 0 ? 1 : 0, created_at: now.toISOString() };
    const created = await insertWithRef(trx, 'solicitations', 'WS', values);
    if (unitIds.length > 0) await trx.insertInto('solicitation_units').values(unitIds.map((unit_id) => ({ solicitation_id: created.id, unit_id }))).execute();
    await appendAudit(trx, user, { action: 'create_solicitation', objectType: 'solicitation', objectId: created.id, outcome: 'ok', after: { ...values, unit_ids: unitIds } }, now);
    await recomputeBookings(trx, { solicitationIds: [created.id] }, policies);
    return created;
  });
}

/** 信息员 answers a solicitation with an item of their unit; on time when the item is sent by the deadline. */
export async function answerSolicitation(db: Kysely<Database>, user: ActingUser, solicitationId: number, itemId: number, now: Date): Promise<{ id: number; ref: string }> {
  requireRole(user, ['officer'], '回复约稿');
  const item = await loadVisibleItem(db, user, itemId, now);
  return db.transaction().execute((trx) => linkResponse(trx, user, solicitationId, item, now));
}

/** One unit's standing on a solicitation. */
type AnswerState = 'on_time' | 'late' | 'missing' | 'pending';

/**
 * Solicitations as a user sees them: the district office all, with who answered and who is
 * late; a unit those addressed to it, with its own state and the days left.
 */
export async function listSolicitations(db: Kysely<Database>, user: ActingUser, now: Date) {
  if (!isDistrictRole(user.role) && !isUnitRole(user.role)) throw new ServiceError('forbidden', '当前账号无权查看约稿');
  const today = todayInChina(now);
  const rows = await db.selectFrom('solicitations').selectAll().orderBy('deadline', 'desc').execute();
  const targets = await db.selectFrom('solicitation_units').innerJoin('units', 'units.id', 'solicitation_units.unit_id').select(['solicitation_id', 'unit_id', 'units.name']).execute();
  const answers = await db.selectFrom('responses').innerJoin('items', 'items.id', 'responses.item_id')
    .select(['responses.solicitation_id', 'items.unit_id', 'items.submitted', 'items.sent_at', 'items.id as item_id', 'items.title', 'items.status']).execute();
  const allUnits = await db.selectFrom('units').select(['id', 'name']).orderBy('id').execute();

  const stateOf = (deadline: string, unitId: number, solicitationId: number): AnswerState => {
    const sent = answers.filter((a) => a.solicitation_id === solicitationId && a.unit_id === unitId && a.sent_at !== null);
    if (sent.some((a) => a.submitted <= deadline)) return 'on_time';
    if (sent.length > 0) return 'late';
    return today > deadline ? 'missing' : 'pending';
  };

  return rows
    .map((row) => {
      const targetUnits: { id: number; name: string }[] = row.all_units ? allUnits : targets.filter((t) => t.solicitation_id === row.id).map((t) => ({ id: t.unit_id, name: t.name }));
      const base = {
        id: row.id, ref: row.ref, issuer: row.issuer, title: row.title, requirements: row.requirements, deadline: row.deadline,
        allUnits: Boolean(row.all_units), daysLeft: Math.round((Date.parse(row.deadline) - Date.parse(today)) / 86_400_000), version: row.version,
      };
      if (isUnitRole(user.role)) {
        if (!targetUnits.some((u) => u.id === user.unitId)) return null;
        return { ...base, state: stateOf(row.deadline, user.unitId!, row.id), myItems: answers.filter((a) => a.solicitation_id === row.id && a.unit_id === user.unitId).map((a) => ({ id: a.item_id, title: a.title, status: a.status, statusName: ITEM_STATUSES[a.status as ItemStatus] ?? a.status })) };
      }
      const states = targetUnits.map((u) => ({ ...u, state: stateOf(row.deadline, u.id, row.id) }));
      return { ...base, units: states, counts: Object.fromEntries((['on_time', 'late', 'missing', 'pending'] as const).map((s) => [s, states.filter((u) => u.state === s).length])) };
    })
    .filter((s) => s !== null);
}

export interface PenaltyInput {
  unitId: number;
  reason: 'late_solicitation' | 'criticism';
  date: string;
  note?: string | null;
}

/** 扣分: the editor records a deduction; a manual lateness deduction near an automatic one is warned about. */
export async function recordPenalty(db: Kysely<Database>, user: ActingUser, input: PenaltyInput, now: Date): Promise<{ id: number; ref: string; warnings: string[] }> {
  requireRole(user, ['editor'], '登记扣分');
  const policies = await listPolicies(db);
  if (!isIsoDate(input.date)) throw new ServiceError('invalid', '扣分日期不是有效日期', { field: 'date', label: '扣分日期' });
  if (input.date < earliestPolicyDate(policies)!) throw new ServiceError('invalid', `扣分日期早于最早的考核政策生效日期 ${earliestPolicyDate(policies)}`, { field: 'date', label: '扣分日期' });
  const unit = await db.selectFrom('units').select(['id', 'name']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit) throw new ServiceError('invalid', '单位不存在', { field: 'unitId', label: '单位' });
  return db.transaction().execute(async (trx) => {
    const values = { unit_id: unit.id, reason: input.reason, date: input.date, note: input.note?.trim() || null };
    const created = await insertWithRef(trx, 'penalties', 'WP', values);
    await appendAudit(trx, user, { action: 'record_penalty', objectType: 'penalty', objectId: created.id, outcome: 'ok', after: { ...values, ref: created.ref } }, now);
    await recomputeBookings(trx, { penaltyIds: [created.id] }, policies);
    const warnings = input.reason === 'late_solicitation' ? await repeatedLatenessWarnings(trx, unit.id, unit.name, input.date) : [];
    return { ...created, warnings };
  });
}

/** Removes a deduction recorded by mistake; its points return. */
export async function deletePenalty(db: Kysely<Database>, user: ActingUser, id: number, now: Date): Promise<void> {
  requireRole(user, ['editor'], '撤销扣分');
  await db.transaction().execute(async (trx) => {
    const penalty = await trx.selectFrom('penalties').selectAll().where('id', '=', id).executeTakeFirst();
    if (!penalty) throw new ServiceError('not_found', '扣分记录不存在');
    await trx.deleteFrom('bookings').where('source_type', '=', 'penalty').where('source_id', '=', id).execute();
    await trx.deleteFrom('penalties').where('id', '=', id).execute();
    await appendAudit(trx, user, { action: 'delete_penalty', objectType: 'penalty', objectId: id, outcome: 'ok', before: penalty }, now);
  });
}

/** Deductions, the district office all, a unit its own. */
export async function listPenalties(db: Kysely<Database>, user: ActingUser) {
  let query = db.selectFrom('penalties').innerJoin('units', 'units.id', 'penalties.unit_id')
    .select(['penalties.id', 'penalties.ref', 'penalties.reason', 'penalties.date', 'penalties.note', 'units.id as unit_id', 'units.name as unit']);
  if (isUnitRole(user.role)) query = query.where('penalties.unit_id', '=', user.unitId!);
  else if (!isDistrictRole(user.role)) throw new ServiceError('forbidden', '当前账号无权查看扣分');
  return query.orderBy('penalties.date', 'desc').execute();
}


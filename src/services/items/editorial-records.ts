import type { Kysely } from 'kysely';
import { isIsoDate, todayInChina } from '../../domain/dates.js';
import { recordDateProblem } from '../../domain/record-date.js';
import { RECORD_FIELDS, ledgerVocabulary } from '../../domain/ledger-schema.js';
import {
  earliestPolicyDate,
  isPublicOnlyOutlet,
  outletNamesWith,
  policyInForce,
  type Policy,
} from '../../domain/policy.js';
import {
  isGradedByKind,
  isKnownTerm,
  unknownTermMessage,
  type VocabularyTerm,
} from '../../domain/policy-vocabulary.js';
import type { Database, Db } from '../../db/database.js';
import {
  adoptionOutlets,
  countAdoptions,
  deleteAdoption,
  findAdoptionOfItem,
  insertWithRef,
  updateAdoption,
} from '../../db/repositories/editorial.repository.js';
import { insertItemEvent, updateItem } from '../../db/repositories/item.repository.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import type { ItemRow } from '../../db/tables/item.table.js';
import { appendAudit } from '../audit/append-audit.js';
import { recomputeBookings } from '../recompute-bookings.js';
import { ServiceError } from '../service-error.js';
import { loadVisibleItem } from './item-access.js';
import { requireRole, type ActingUser } from '../acting-user.js';

const valuesOf = (type: 'adoption' | 'instruction' | 'upward', field: string) =>
  RECORD_FIELDS[type].find((f) => f.name === field)!.values!;

/** The policy in force on a record's date, or the latest one when the date is not valid (refused later anyway). */
const policyOf = (policies: readonly Policy[], date: string): Policy =>
  (isIsoDate(date) ? policyInForce(policies, date) : undefined) ??
  [...policies].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];

const outletName = (policies: readonly Policy[], date: string, outlet: string) =>
  policyOf(policies, date).outlets[outlet]?.name ?? outlet;

/** The kinds an item may be, by their ledger labels where they have one: 综合调研、标题信息或短波信息. */
function kindNames(policies: readonly Policy[], date: string): string {
  const labels = valuesOf('adoption', 'kind');
  const names = Object.entries(policyOf(policies, date).kinds).map(([code, name]) => labels[code] ?? name);
  return names.length > 1 ? `${names.slice(0, -1).join('、')}或${names[names.length - 1]}` : names.join('');
}

/** Refuses a code the policy in force on the record's date does not know (an outlet, a kind, a level). */
function requireKnownTerm(
  policies: readonly Policy[],
  date: string,
  term: VocabularyTerm,
  code: string,
  field: string,
  label: string
): void {
  if (!isKnownTerm(policies, date, term, code))
    throw new ServiceError('invalid', unknownTermMessage(label), { field, label });
}

function checkDate(date: string, policies: readonly Policy[], label: string, now: Date): void {
  const earliest = earliestPolicyDate(policies)!;
  const problem = recordDateProblem(date, { earliestPolicyDate: earliest, today: todayInChina(now) });
  if (problem === 'not_a_date')
    throw new ServiceError('invalid', `${label}不是有效日期，应为 YYYY-MM-DD`, { field: 'date', label });
  if (problem === 'before_policy')
    throw new ServiceError('invalid', `${label} ${date} 早于最早的考核政策生效日期 ${earliest}`, {
      field: 'date',
      label,
    });
  if (problem === 'after_today')
    throw new ServiceError('invalid', `${label} ${date} 晚于今天`, { field: 'date', label });
}

/** Loads an item for an editorial record: the editor's, on an item the district has received. */
async function loadForEditor(
  db: Kysely<Database>,
  user: ActingUser,
  itemId: number,
  now: Date,
  what: string
): Promise<ItemRow> {
  requireRole(user, ['editor'], what);
  const item = await loadVisibleItem(db, user, itemId, now);
  if (item.origin !== 'ledger' && !['received', 'adopted'].includes(item.status))
    throw new ServiceError('conflict', `稿件尚未接收，不能${what}`);
  return item;
}

export async function finish(
  trx: Db,
  user: ActingUser,
  item: ItemRow,
  now: Date,
  event: { action: string; comment: string; status?: string },
  audit: { action: string; after?: unknown; before?: unknown; objectType: string; objectId: number }
): Promise<void> {
  const at = now.toISOString();
  if (event.status && event.status !== item.status) {
    if (!(await updateItem(trx, item.id, item.version, { status: event.status, updated_at: at })))
      throw new ServiceError('conflict', '稿件已被他人修改，请刷新后重试');
  }
  await insertItemEvent(trx, {
    item_id: item.id,
    at,
    actor_id: user.id,
    actor: user.displayName,
    action: event.action,
    from_status: item.status,
    to_status: event.status ?? item.status,
    comment: event.comment,
  });
  await appendAudit(trx, user, { ...audit, outcome: 'ok' }, now);
  await recomputeBookings(trx, { itemIds: [item.id] }, await listPolicies(trx));
}

export interface AdoptionInput {
  outlet: string;
  kind?: string | null;
  date: string;
  /** 期号 of the publication. */
  issue?: string | null;
}

/** 采用: the editor records an adoption; the item's points and state (已采用, ledger items too) follow at once. A non-public item never goes to the public portal. */
export async function adoptItem(
  db: Kysely<Database>,
  user: ActingUser,
  itemId: number,
  input: AdoptionInput,
  now: Date
): Promise<{ id: number; ref: string }> {
  const item = await loadForEditor(db, user, itemId, now, '登记采用');
  const values = await checkedAdoption(db, item, input, now);
  return db.transaction().execute(async (trx) => {
    const created = await insertWithRef(trx, 'adoptions', 'WA', { item_id: item.id, ...values });
    await finish(
      trx,
      user,
      item,
      now,
      {
        action: 'adopt',
        comment: `${adoptionLabel(values)} ${values.date}${values.issue ? ` ${values.issue}` : ''}`,
        status: 'adopted',
      },
      {
        action: 'adopt_item',
        objectType: 'adoption',
        objectId: created.id,
        after: { item_id: item.id, ...values, ref: created.ref },
      }
    );
    return created;
  });
}

/** An adoption's fields, checked: a known outlet, a kind for 《番府信息上报》, never the portal for a non-public item, a date under a policy and not in the future. */
export async function checkedAdoption(db: Kysely<Database>, item: ItemRow, input: AdoptionInput, now: Date) {
  const policies = await listPolicies(db);
  requireKnownTerm(policies, input.date, 'outlet', input.outlet, 'outlet', '采用载体');
  if (input.kind) requireKnownTerm(policies, input.date, 'kind', input.kind, 'kind', '信息类型');
  if (!item.is_public && isPublicOnlyOutlet(policies, input.outlet)) {
    throw new ServiceError(
      'invalid',
      `该稿件标注为“不予公开”，不能被${ledgerVocabulary(policies).outlets[input.outlet]}采用`,
      { field: 'outlet', label: '采用载体' }
    );
  }
  // A kind only means something where the outlet grades items by kind (《番府信息上报》), and there it is required.
  const isGraded = isGradedByKind(policies, input.date, input.outlet);
  const kind = isGraded ? input.kind || null : null;
  if (isGraded && !kind)
    throw new ServiceError(
      'invalid',
      `${outletName(policies, input.date, input.outlet)}采用须注明信息类型（${kindNames(policies, input.date)}）`,
      { field: 'kind', label: '信息类型' }
    );
  checkDate(input.date, policies, '采用日期', now);
  return { outlet: input.outlet, kind, date: input.date, issue: input.issue?.trim() || null };
}

export function adoptionLabel(values: { outlet: string; kind: string | null }): string {
  const outlets = valuesOf('adoption', 'outlet');
  const kinds = valuesOf('adoption', 'kind');
  // A code a later policy added has no ledger label: its code stands in the history.
  const name = (labels: Record<string, string>, code: string) => labels[code] ?? code;
  return `${name(outlets, values.outlet)}${values.kind ? `（${name(kinds, values.kind)}）` : ''}`;
}

/** 撤销采用: the adoption and its points go; an item left without adoptions is back to received. */
export async function undoItemAdoption(
  db: Kysely<Database>,
  user: ActingUser,
  itemId: number,
  adoptionId: number,
  now: Date
): Promise<void> {
  const item = await loadForEditor(db, user, itemId, now, '撤销采用');
  await db.transaction().execute(async (trx) => {
    const adoption = await findAdoptionOfItem(trx, itemId, adoptionId);
    if (!adoption) throw new ServiceError('not_found', '采用记录不存在');
    await deleteAdoption(trx, adoptionId);
    const remaining = await countAdoptions(trx, itemId);
    await finish(
      trx,
      user,
      item,
      now,
      { action: 'undo_adoption', comment: `撤销 ${adoption.ref}`, status: remaining > 0 ? undefined : 'received' },
      { action: 'undo_adoption', objectType: 'adoption', objectId: adoptionId, before: adoption }
    );
  });
}

/** 更正采用: the editor corrects an adoption's outlet, kind, date or issue; the item's points follow. */
export async function correctItemAdoption(
  db: Kysely<Database>,
  user: ActingUser,
  itemId: number,
  adoptionId: number,
  version: number,
  input: AdoptionInput,
  now: Date
): Promise<void> {
  const item = await loadForEditor(db, user, itemId, now, '更正采用');
  const values = await checkedAdoption(db, item, input, now);
  await db.transaction().execute(async (trx) => {
    const adoption = await findAdoptionOfItem(trx, itemId, adoptionId);
    if (!adoption) throw new ServiceError('not_found', '采用记录不存在');
    const stale = () =>
      new ServiceError('conflict', '采用记录已被他人修改，请刷新后重试', { currentVersion: adoption.version });
    if (adoption.version !== version) throw stale();
    if (!(await updateAdoption(trx, adoptionId, version, values))) throw stale();
    await finish(
      trx,
      user,
      item,
      now,
      { action: 'correct_adoption', comment: `更正 ${adoption.ref}` },
      { action: 'correct_adoption', objectType: 'adoption', objectId: adoptionId, before: adoption, after: values }
    );
  });
}

export interface InstructionInput {
  level: string;
  date: string;
  leader?: string | null;
  text?: string | null;
}

/** 批示: a leader's instruction. A district instruction on an item not adopted by 《番府信息》 or 《番府信息上报》 is kept, with a warning that it earns nothing. */
export async function recordInstruction(
  db: Kysely<Database>,
  user: ActingUser,
  itemId: number,
  input: InstructionInput,
  now: Date
): Promise<{ id: number; ref: string; warnings: string[] }> {
  const item = await loadForEditor(db, user, itemId, now, '登记批示');
  const policies = await listPolicies(db);
  requireKnownTerm(policies, input.date, 'instructionLevel', input.level, 'level', '批示级别');
  checkDate(input.date, policies, '批示日期', now);
  return db.transaction().execute(async (trx) => {
    const values = {
      item_id: item.id,
      level: input.level,
      date: input.date,
      leader: input.leader?.trim() || null,
      text: input.text?.trim() || null,
    };
    const created = await insertWithRef(trx, 'instructions', 'WN', values);
    const outlets = await adoptionOutlets(trx, item.id);
    const isRewarded = (outlet: string) => policies.some((p) => p.outlets[outlet]?.instructionBonus);
    const isUpwardEligible = (outlet: string) => policies.some((p) => p.outlets[outlet]?.upwardEligible);
    const warnings: string[] = [];
    if (input.level === 'district' && !outlets.some(isRewarded))
      warnings.push(`稿件未被${outletNamesWith(policies, 'instructionBonus')}采用，区领导批示已记录但不加分`);
    if (input.level !== 'district' && !outlets.some(isUpwardEligible))
      warnings.push(`稿件未被${outletNamesWith(policies, 'upwardEligible')}采用，上级领导批示已记录但不加分`);
    await finish(
      trx,
      user,
      item,
      now,
      { action: 'instruction', comment: `${values.leader ?? ''}批示 ${input.date}` },
      {
        action: 'record_instruction',
        objectType: 'instruction',
        objectId: created.id,
        after: { ...values, ref: created.ref },
      }
    );
    return { ...created, warnings };
  });
}

export interface UpwardInput {
  level: string;
  date: string;
  kind?: string | null;
}

/** 上级采用: adoption by the city or provincial government office; the item's upward bonus follows. */
export async function recordUpward(
  db: Kysely<Database>,
  user: ActingUser,
  itemId: number,
  input: UpwardInput,
  now: Date
): Promise<{ id: number; ref: string; warnings: string[] }> {
  const item = await loadForEditor(db, user, itemId, now, '登记上级采用');
  const policies = await listPolicies(db);
  requireKnownTerm(policies, input.date, 'upwardLevel', input.level, 'level', '级别');
  if (input.kind) requireKnownTerm(policies, input.date, 'kind', input.kind, 'kind', '信息类型');
  checkDate(input.date, policies, '采用日期', now);
  return db.transaction().execute(async (trx) => {
    const values = {
      item_id: item.id,
      level: input.level,
      kind: input.level === 'city' ? input.kind || null : null,
      date: input.date,
    };
    const created = await insertWithRef(trx, 'upwards', 'WU', values);
    const outlets = await adoptionOutlets(trx, item.id);
    const warnings = outlets.some((o) => policies.some((p) => p.outlets[o]?.upwardEligible))
      ? []
      : [`稿件未被${outletNamesWith(policies, 'upwardEligible')}采用，上级采用已记录但不加分`];
    await finish(
      trx,
      user,
      item,
      now,
      { action: 'upward', comment: `${input.level === 'city' ? '市' : '省'}政府办公厅采用 ${input.date}` },
      { action: 'record_upward', objectType: 'upward', objectId: created.id, after: { ...values, ref: created.ref } }
    );
    return { ...created, warnings };
  });
}

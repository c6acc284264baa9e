/**
 * 导出Excel of the smaller lists — solicitations with who answered, deductions, the registry,
 * trainings — each through its list's use case, so a unit's file holds what its page shows.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { findUnitById } from '../../db/repositories/unit-lookup.repository.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import { todayInChina } from '../../domain/dates.js';
import { policyInForce } from '../../domain/policy.js';
import { needsAttention } from '../../domain/registry.js';
import { pinyinInitials } from '../../domain/unit-initials.js';
import { matchesUnitSearch } from '../../domain/unit-search.js';
import { ANSWER_STATES, type AnswerState } from '../../domain/solicitation-answers.js';
import {
  PenaltyExportQuery,
  type DistrictSolicitation,
  type UnitSolicitation,
} from '../../shared/api/solicitations.js';
import {
  ANSWER_STATE_LABELS,
  CONTACT_COLUMNS,
  ISSUER_LABELS,
  PENALTY_COLUMNS,
  SOLICITATION_ANSWER_COLUMNS,
  SOLICITATION_COLUMNS,
  solicitationTargetLabel,
  TRAINING_ATTENDEE_COLUMNS,
  TRAINING_COLUMNS,
} from '../../shared/tables/list-columns.js';
import type { ActingUser } from '../acting-user.js';
import { listPenalties } from '../penalties/list-penalties.js';
import { listTrainings, readRegistry } from '../registry/registry.js';
import { listSolicitations } from '../solicitations/list-solicitations.js';
import {
  EXPORT_MAX_ROWS,
  filterDescription,
  rowCountNote,
  sheetOf,
  workbookOf,
  type ExportedWorkbook,
} from './export-workbook.js';

const capped = <T>(rows: readonly T[]) => rows.slice(0, EXPORT_MAX_ROWS);
const stamp = (name: string, now: Date) => `${name}_${todayInChina(now)}`;

const isDistrictView = (s: DistrictSolicitation | UnitSolicitation): s is DistrictSolicitation => 'units' in s;

/** Solicitations with their answer counts, and a second sheet of every target unit's answer. */
export async function exportSolicitations(db: Kysely<Database>, user: ActingUser, now: Date) {
  const all = await listSolicitations(db, user, now);
  const list = capped(all);
  const ownUnit = user.unitId === null ? '' : ((await findUnitById(db, user.unitId))?.name ?? '');
  // A unit sees its own state only: its one row per solicitation.
  const answers = list.flatMap(
    (s): { s: DistrictSolicitation | UnitSolicitation; unit: string; state: AnswerState }[] =>
      isDistrictView(s)
        ? s.units.map((u) => ({ s, unit: u.name, state: u.state }))
        : [{ s, unit: ownUnit, state: s.state }]
  );
  const countTitles = Object.fromEntries(ANSWER_STATES.map((state) => [state, ANSWER_STATE_LABELS[state]]));
  const titles = { ...SOLICITATION_COLUMNS, ...countTitles } as Record<string, string>;
  const keys = ['ref', 'title', 'issuer', 'deadline', 'target', ...ANSWER_STATES];
  const summary = sheetOf('约稿', titles, keys, list, (s) => {
    const counts = isDistrictView(s) ? s.counts : { on_time: 0, late: 0, missing: 0, pending: 0, [s.state]: 1 };
    return {
      ref: s.ref,
      title: s.title,
      issuer: ISSUER_LABELS[s.issuer],
      deadline: s.deadline,
      target: isDistrictView(s) ? solicitationTargetLabel(s.allUnits, s.units.length) : '本单位',
      ...counts,
    };
  });
  const answerKeys = ['ref', 'title', 'unit', 'state'] as const;
  const answerSheet = sheetOf('报送情况', SOLICITATION_ANSWER_COLUMNS, answerKeys, answers, (a) => ({
    ref: a.s.ref,
    title: a.s.title,
    unit: a.unit,
    state: ANSWER_STATE_LABELS[a.state],
  }));
  return workbookOf(stamp('约稿', now), [summary, answerSheet], '约稿', rowCountNote(all.length, list.length));
}

/** Deductions with their reason and points by the policy in force on their date, as the page shows them. */
export async function exportPenalties(
  db: Kysely<Database>,
  user: ActingUser,
  query: PenaltyExportQuery,
  now: Date
): Promise<ExportedWorkbook> {
  const [listed, policies] = await Promise.all([listPenalties(db, user), listPolicies(db)]);
  const all = listed.filter((p) => query.unitId === undefined || p.unit_id === query.unitId);
  const list = capped(all);
  const keys = ['date', 'unit', 'reason', 'points', 'note', 'ref'] as const;
  const sheet = sheetOf('扣分记录', PENALTY_COLUMNS, keys, list, (p) => {
    const rule = policyInForce(policies, p.date)?.penalties[p.reason];
    return {
      date: p.date,
      unit: p.unit,
      reason: rule?.name ?? p.reason,
      points: rule?.points,
      note: p.note,
      ref: p.ref,
    };
  });
  const description = `${filterDescription(PenaltyExportQuery, query)}；${rowCountNote(all.length, list.length)}`;
  return workbookOf(stamp('扣分记录', now), [sheet], '扣分记录', description);
}

/** Every unit's current responsible people and officers (信息员登记备案). */
export async function exportRegistry(
  db: Kysely<Database>,
  user: ActingUser,
  filter: { q?: string; attention?: boolean },
  now: Date
): Promise<ExportedWorkbook> {
  // The units the page shows for the same search and filter.
  const registry = (await readRegistry(db, user, now)).filter(
    (r) =>
      matchesUnitSearch(r.unit.name, pinyinInitials(r.unit.name), filter.q ?? '') &&
      (!filter.attention || needsAttention(r))
  );
  const all = registry.flatMap((r) => r.contacts.map((contact) => ({ unit: r.unit.name, contact })));
  const list = capped(all);
  const keys = ['unit', 'duty', 'name', 'post', 'phone', 'email', 'staffing', 'startedOn', 'noticeDate'] as const;
  const sheet = sheetOf('信息员登记', CONTACT_COLUMNS, keys, list, ({ unit, contact: c }) => ({
    unit,
    duty: c.dutyName,
    name: c.name,
    post: c.post,
    phone: [c.officePhone, c.mobile].filter(Boolean).join(' / '),
    email: c.email,
    staffing: c.staffingName,
    startedOn: c.startedOn,
    noticeDate: c.noticeDate,
  }));
  return workbookOf(stamp('信息员登记', now), [sheet], '信息员登记备案', rowCountNote(all.length, list.length));
}

/** Training sessions with their attendance count, and who attended (a unit: its own people). */
export async function exportTrainings(db: Kysely<Database>, user: ActingUser, now: Date): Promise<ExportedWorkbook> {
  const all = await listTrainings(db, user);
  const list = capped(all);
  const keys = ['date', 'title', 'organizer', 'attendees'] as const;
  const sessions = sheetOf('培训记录', TRAINING_COLUMNS, keys, list, (t) => ({
    date: t.date,
    title: t.title,
    organizer: t.organizer,
    attendees: t.attendees.length,
  }));
  const people = capped(list.flatMap((t) => t.attendees.map((a) => ({ t, a }))));
  const attendeeKeys = ['date', 'title', 'unit', 'name'] as const;
  const attendees = sheetOf('参训人员', TRAINING_ATTENDEE_COLUMNS, attendeeKeys, people, ({ t, a }) => ({
    date: t.date,
    title: t.title,
    unit: a.unit?.name,
    name: a.name,
  }));
  return workbookOf(stamp('培训记录', now), [sessions, attendees], '信息员培训', rowCountNote(all.length, list.length));
}

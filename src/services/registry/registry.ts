import type { Kysely } from 'kysely';
import { isIsoDate, todayInChina } from '../../domain/dates.js';
import { isDistrictRole } from '../../domain/permissions.js';
import { policyInForce } from '../../domain/policy.js';
import { CONTACT_DUTIES, registryGaps, STAFFING, type ContactDuty, type Staffing } from '../../domain/registry.js';
import { isPhoneNumber } from '../../domain/item-workflow.js';
import { isEmailAddress } from '../../domain/email-address.js';
import type { Database } from '../../db/database.js';
import type { UnitContactRow } from '../../db/tables/registry.table.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import { endContactRow, insertContact, listContacts } from '../../db/repositories/registry.repository.js';
import { insertTraining, listAttendees, listTrainingRows } from '../../db/repositories/training.repository.js';
import { listRegistryUnits, unitExists } from '../../db/repositories/unit.repository.js';
import { existingUnitIds } from '../../db/repositories/unit-lookup.repository.js';
import { listUnitAccountsOfRole } from '../../db/repositories/user.repository.js';
import { listUnclosedFollowUps } from '../../db/repositories/follow-up.repository.js';
import { followUpOpen } from '../../domain/follow-ups.js';
import { isUnitRole } from '../../shared/roles.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { findWritableContact, requireRegistryWriter } from './contact-writer.js';
import { isNotificationKind, NOTIFICATION_KIND_CODES } from '../../domain/notifications.js';
import { replaceOptOuts } from '../../db/repositories/mail-outbox.repository.js';
import { optOutsByContact } from './mail-opt-outs.js';

export interface ContactInput {
  duty: ContactDuty;
  name: string;
  post: string;
  officePhone?: string | null;
  mobile?: string | null;
  email?: string | null;
  staffing: Staffing;
  /** The date the unit's written notice arrived (书面告知). */
  noticeDate?: string | null;
  startedOn: string;
  /** 邮件通知 turned off for the person (NotificationKind codes). */
  mailOptOut?: readonly string[];
}

/** The editor keeps every unit's registry; a unit's officer may report changes for their own unit. */
function checkContact(input: ContactInput): void {
  if (!(input.duty in CONTACT_DUTIES))
    throw new ServiceError('invalid', '职责不正确', { field: 'duty', label: '职责' });
  if (!(input.staffing in STAFFING))
    throw new ServiceError('invalid', '编制类别不正确', { field: 'staffing', label: '编制类别' });
  for (const [field, label] of [
    ['officePhone', '办公电话'],
    ['mobile', '手机'],
  ] as const) {
    const value = input[field];
    if (value && !isPhoneNumber(value)) throw new ServiceError('invalid', `${label}格式不正确`, { field, label });
  }
  if (input.email && !isEmailAddress(input.email.trim()))
    throw new ServiceError('invalid', '电子邮箱格式不正确', { field: 'email', label: '电子邮箱' });
  if (!input.officePhone && !input.mobile)
    throw new ServiceError('invalid', '办公电话和手机至少填一项', { field: 'mobile', label: '手机' });
  for (const [field, label] of [
    ['startedOn', '任职日期'],
    ['noticeDate', '书面告知日期'],
  ] as const) {
    const value = input[field];
    if (value && !isIsoDate(value)) throw new ServiceError('invalid', `${label}不是有效日期`, { field, label });
  }
  const unknownKind = input.mailOptOut?.find((k) => !isNotificationKind(k));
  if (unknownKind !== undefined)
    throw new ServiceError('invalid', `没有“${unknownKind}”这种邮件通知`, { field: 'mailOptOut', label: '邮件通知' });
}

/** Registers a person for a unit. */
export async function addContact(
  db: Kysely<Database>,
  user: ActingUser,
  unitId: number,
  input: ContactInput,
  now: Date
): Promise<{ id: number }> {
  requireRegistryWriter(user, unitId);
  checkContact(input);
  if (!(await unitExists(db, unitId))) throw new ServiceError('not_found', '单位不存在');
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const values = {
      unit_id: unitId,
      duty: input.duty,
      name: input.name.trim(),
      post: input.post.trim(),
      office_phone: input.officePhone?.trim() || null,
      mobile: input.mobile?.trim() || null,
      email: input.email?.trim() || null,
      staffing: input.staffing,
      notice_date: input.noticeDate ?? null,
      started_on: input.startedOn,
      ended_on: null,
      ref: null,
      created_at: at,
      updated_at: at,
    };
    const id = await insertContact(trx, values);
    const optOut = NOTIFICATION_KIND_CODES.filter((k) => input.mailOptOut?.includes(k));
    await replaceOptOuts(trx, id, optOut);
    await appendAudit(
      trx,
      user,
      {
        action: 'add_contact',
        objectType: 'unit_contact',
        objectId: id,
        outcome: 'ok',
        after: { ...values, mail_opt_out: optOut },
      },
      now
    );
    return { id };
  });
}

/** 人员更换: ends a registration on a date, with the date the written notice arrived. */
export async function endContact(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  endedOn: string,
  noticeDate: string | null,
  now: Date
): Promise<void> {
  const contact = await findWritableContact(db, user, id, now);
  if (!isIsoDate(endedOn))
    throw new ServiceError('invalid', '离任日期不是有效日期', { field: 'endedOn', label: '离任日期' });
  if (contact.version !== version)
    throw new ServiceError('conflict', '登记记录已被他人修改，请刷新后重试', { currentVersion: contact.version });
  await db.transaction().execute(async (trx) => {
    const changes = {
      ended_on: endedOn,
      notice_date: noticeDate ?? contact.notice_date,
      updated_at: now.toISOString(),
      version: version + 1,
    };
    if (!(await endContactRow(trx, id, version, changes)))
      throw new ServiceError('conflict', '登记记录已被他人修改，请刷新后重试');
    await appendAudit(
      trx,
      user,
      {
        action: 'end_contact',
        objectType: 'unit_contact',
        objectId: id,
        outcome: 'ok',
        before: { ended_on: contact.ended_on },
        after: changes,
      },
      now
    );
  });
}

/**
 * The registry: every unit (or the user's own) with its people, their history, what is missing
 * since when, and — while it has no officer registered — its officer accounts, offered as the entry.
 */
export async function readRegistry(db: Kysely<Database>, user: ActingUser, now: Date) {
  if (!isDistrictRole(user.role) && !isUnitRole(user.role))
    throw new ServiceError('forbidden', '当前账号无权查看信息员登记');
  const [units, contacts, policies, officerAccounts, followUps, optOuts] = await Promise.all([
    listRegistryUnits(db, isUnitRole(user.role) ? user.unitId! : undefined),
    listContacts(db),
    listPolicies(db),
    listUnitAccountsOfRole(db, 'officer', isUnitRole(user.role) ? user.unitId! : undefined),
    listUnclosedFollowUps(db),
    optOutsByContact(db),
  ]);
  const present = (c: UnitContactRow) => presentContact(c, optOuts.get(c.id) ?? []);
  const openFollowUps = followUps.filter((f) =>
    followUpOpen({ unitId: f.unit_id, openedOn: f.opened_on, closedAt: f.closed_at }, contacts)
  );
  const policy = policyInForce(policies, todayInChina(now));
  return units.map((unit) => {
    const own = contacts.filter((c) => c.unit_id === unit.id);
    const gaps = registryGaps(
      unit.series_code,
      own.map((c) => ({
        duty: c.duty as ContactDuty,
        staffing: c.staffing as Staffing,
        startedOn: c.started_on,
        endedOn: c.ended_on,
      })),
      policy
    );
    // Offered only while the unit has no officer registered at all.
    const hasOfficer = own.some((c) => c.duty === 'officer' && c.ended_on === null);
    return {
      unit: { id: unit.id, name: unit.name, series: unit.series_code },
      contacts: own.filter((c) => c.ended_on === null).map(present),
      history: own.filter((c) => c.ended_on !== null).map(present),
      warnings: gaps.map((g) => g.problem),
      gaps,
      followUps: openFollowUps
        .filter((f) => f.unit_id === unit.id)
        .map((f) => ({ id: f.id, openedOn: f.opened_on, note: f.note, version: f.version })),
      unregisteredOfficers: hasOfficer
        ? []
        : officerAccounts
            .filter((a) => a.unit_id === unit.id)
            .map((a) => ({ accountId: a.id, name: a.display_name, phone: a.phone })),
    };
  });
}

function presentContact(
  c: Omit<UnitContactRow, 'unit_id' | 'created_at' | 'updated_at'>,
  mailOptOut: readonly string[]
) {
  return {
    id: c.id,
    duty: c.duty,
    dutyName: CONTACT_DUTIES[c.duty as ContactDuty] ?? c.duty,
    name: c.name,
    post: c.post,
    officePhone: c.office_phone,
    mobile: c.mobile,
    email: c.email,
    staffing: c.staffing,
    staffingName: STAFFING[c.staffing as Staffing] ?? c.staffing,
    noticeDate: c.notice_date,
    startedOn: c.started_on,
    endedOn: c.ended_on,
    version: c.version,
    mailOptOut: [...mailOptOut],
  };
}

export interface TrainingInput {
  date: string;
  title: string;
  organizer?: string | null;
  notes?: string | null;
  attendees: { unitId: number | null; name: string }[];
}

/** 信息员培训: the editor records a session and who attended. */
export async function recordTraining(
  db: Kysely<Database>,
  user: ActingUser,
  input: TrainingInput,
  now: Date
): Promise<{ id: number }> {
  if (user.role !== 'editor') throw new ServiceError('forbidden', '当前账号无权登记培训');
  if (!isIsoDate(input.date))
    throw new ServiceError('invalid', '培训日期不是有效日期', { field: 'date', label: '培训日期' });
  // An attendee's unit that does not exist is the caller's mistake (a 400), not a broken foreign key.
  const unitIds = [...new Set(input.attendees.flatMap((a) => (a.unitId === null ? [] : [a.unitId])))];
  const known = new Set(await existingUnitIds(db, unitIds));
  const unknown = input.attendees.findIndex((a) => a.unitId !== null && !known.has(a.unitId));
  if (unknown >= 0)
    throw new ServiceError('invalid', `第 ${unknown + 1} 位参训人员的单位不存在`, {
      field: `attendees.${unknown}.unitId`,
      label: '单位',
    });
  return db.transaction().execute(async (trx) => {
    const values = {
      date: input.date,
      title: input.title.trim(),
      organizer: input.organizer?.trim() || null,
      notes: input.notes?.trim() || null,
      created_at: now.toISOString(),
    };
    const id = await insertTraining(
      trx,
      values,
      input.attendees.map((a) => ({ unitId: a.unitId, name: a.name.trim() }))
    );
    await appendAudit(
      trx,
      user,
      {
        action: 'record_training',
        objectType: 'training',
        objectId: id,
        outcome: 'ok',
        after: { ...values, attendees: input.attendees },
      },
      now
    );
    return { id };
  });
}

/** Training sessions with their attendees; a unit sees the names of its own people only. */
export async function listTrainings(db: Kysely<Database>, user: ActingUser) {
  if (!isDistrictRole(user.role) && !isUnitRole(user.role))
    throw new ServiceError('forbidden', '当前账号无权查看培训记录');
  const [trainings, attendees] = await Promise.all([listTrainingRows(db), listAttendees(db)]);
  return trainings.map((t) => ({
    id: t.id,
    date: t.date,
    title: t.title,
    organizer: t.organizer,
    notes: t.notes,
    attendees: attendees
      .filter((a) => a.training_id === t.id && (!isUnitRole(user.role) || a.unit_id === user.unitId))
      .map((a) => ({ name: a.name, unit: a.unit_id === null ? null : { id: a.unit_id, name: a.unit } })),
  }));
}

/** Units with no officer registered (the editor's and office leader's reminder). */
export async function unitsMissingOfficers(db: Kysely<Database>, user: ActingUser, now: Date) {
  return (await readRegistry(db, user, now))
    .filter((r) => !r.contacts.some((c) => c.duty === 'officer'))
    .map((r) => r.unit);
}

/** 信息员登记备案 (each unit's responsible people and officers) and 信息员培训. */
import { Type, type Static } from '@sinclair/typebox';
import { MAX_RECORD_ID } from '../limits.js';
import { MailOptOutField } from './outbox.js';

const DateField = (title: string) => Type.String({ title, pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const PhoneField = (title: string) =>
  Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()], { title }));
const DutyField = Type.Union([Type.Literal('leader'), Type.Literal('director'), Type.Literal('officer')], {
  title: '职责',
});
const StaffingField = Type.Union([Type.Literal('civil_servant'), Type.Literal('permanent'), Type.Literal('other')], {
  title: '编制类别',
});
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const IdParams = Type.Object({ id: Type.Integer({ title: '编号', minimum: 1, maximum: MAX_RECORD_ID }) });
export type IdParams = Static<typeof IdParams>;

/** POST /api/units/:id/contacts */
export const ContactBody = Type.Object(
  {
    duty: DutyField,
    name: Type.String({ title: '姓名', minLength: 1, maxLength: 50 }),
    post: Type.String({ title: '职务', minLength: 1, maxLength: 100 }),
    officePhone: PhoneField('办公电话'),
    mobile: PhoneField('手机'),
    email: Type.Optional(Type.Union([Type.String({ maxLength: 254 }), Type.Null()], { title: '电子邮箱' })),
    staffing: StaffingField,
    noticeDate: Type.Optional(Type.Union([DateField('书面告知日期'), Type.Null()], { title: '书面告知日期' })),
    startedOn: DateField('任职日期'),
    /** 邮件通知 the person does not want; none by default. */
    mailOptOut: Type.Optional(MailOptOutField),
  },
  { additionalProperties: false }
);
export type ContactBody = Static<typeof ContactBody>;

/** POST /api/contacts/:id/end */
export const EndContactBody = Type.Object(
  {
    version: Type.Integer({ title: '版本号', minimum: 1, maximum: MAX_RECORD_ID }),
    endedOn: DateField('离任日期'),
    noticeDate: Type.Optional(Type.Union([DateField('书面告知日期'), Type.Null()], { title: '书面告知日期' })),
  },
  { additionalProperties: false }
);
export type EndContactBody = Static<typeof EndContactBody>;

/** POST /api/trainings */
export const TrainingBody = Type.Object(
  {
    date: DateField('培训日期'),
    title: Type.String({ title: '培训主题', minLength: 1, maxLength: 200 }),
    organizer: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()], { title: '主办' })),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()], { title: '备注' })),
    attendees: Type.Array(
      Type.Object(
        {
          unitId: Type.Union([Type.Integer({ minimum: 1, maximum: MAX_RECORD_ID }), Type.Null()], {
            title: '参训人员所属单位',
          }),
          name: Type.String({ title: '参训人员姓名', minLength: 1, maxLength: 50 }),
        },
        { additionalProperties: false }
      ),
      { title: '参训人员', maxItems: 1000 }
    ),
  },
  { additionalProperties: false }
);
export type TrainingBody = Static<typeof TrainingBody>;

/** A registered person. */
export const Contact = Type.Object({
  id: Type.Integer(),
  duty: Type.Unsafe<'leader' | 'director' | 'officer'>(Type.String()),
  dutyName: Type.String(),
  name: Type.String(),
  post: Type.String(),
  officePhone: NullableString,
  mobile: NullableString,
  email: NullableString,
  staffing: Type.String(),
  staffingName: Type.String(),
  noticeDate: NullableString,
  startedOn: Type.String(),
  endedOn: NullableString,
  version: Type.Integer(),
  /** The kinds of e-mail notification turned off for the person. */
  mailOptOut: Type.Array(Type.String()),
});
export type Contact = Static<typeof Contact>;

/** An officer account of a unit that has no officer registered: offered as the entry. */
export const OfficerAccount = Type.Object({ accountId: Type.Integer(), name: Type.String(), phone: NullableString });
export type OfficerAccount = Static<typeof OfficerAccount>;

export const RegistryUnit = Type.Object({ id: Type.Integer(), name: Type.String(), series: Type.String() });
export type RegistryUnit = Static<typeof RegistryUnit>;

/** One unit of GET /api/registry. */
export const UnitRegistry = Type.Object({
  unit: RegistryUnit,
  contacts: Type.Array(Contact),
  history: Type.Array(Contact),
  warnings: Type.Array(Type.String()),
  /** Each shortfall and the day it began (null: never registered). */
  gaps: Type.Array(
    Type.Object({
      problem: Type.String(),
      since: NullableString,
      missing: Type.Optional(DutyField),
    })
  ),
  /** While the unit has no officer registered, its officer accounts. */
  unregisteredOfficers: Type.Array(OfficerAccount),
  /** 建议更换信息员 from a published bulletin, until a new officer is registered or the editor closes it. */
  followUps: Type.Array(
    Type.Object({ id: Type.Integer(), openedOn: Type.String(), note: Type.String(), version: Type.Integer() })
  ),
});
export type UnitRegistry = Static<typeof UnitRegistry>;

export const Registry = Type.Array(UnitRegistry);
export type Registry = Static<typeof Registry>;

/** GET /api/registry/export: the page's search (a part of a unit's name or its pinyin initials) and 只看需处理. */
export const RegistryExportQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ title: '单位', maxLength: 50 })),
    attention: Type.Optional(Type.Boolean({ title: '只看需处理' })),
  },
  { additionalProperties: false }
);
export type RegistryExportQuery = Static<typeof RegistryExportQuery>;

/** GET /api/registry/missing-officers */
export const UnitsMissingOfficers = Type.Array(RegistryUnit);
export type UnitsMissingOfficers = Static<typeof UnitsMissingOfficers>;

/** POST /api/units/:id/contacts, POST /api/trainings: the id of the record added. */
export const CreatedRecord = Type.Object({ id: Type.Integer() });
export type CreatedRecord = Static<typeof CreatedRecord>;

/** One session of GET /api/trainings; a unit sees only its own attendees. */
export const Training = Type.Object({
  id: Type.Integer(),
  date: Type.String(),
  title: Type.String(),
  organizer: NullableString,
  notes: NullableString,
  attendees: Type.Array(
    Type.Object({
      name: Type.String(),
      unit: Type.Union([Type.Object({ id: Type.Integer(), name: NullableString }), Type.Null()]),
    })
  ),
});
export type Training = Static<typeof Training>;

export const TrainingList = Type.Array(Training);
export type TrainingList = Static<typeof TrainingList>;

/** POST /api/follow-ups/:id/close: the editor closes a follow-up, saying why. */
export const CloseFollowUpBody = Type.Object(
  {
    version: Type.Integer({ title: '版本号', minimum: 1, maximum: MAX_RECORD_ID }),
    reason: Type.String({ title: '关闭原因', minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false }
);
export type CloseFollowUpBody = Static<typeof CloseFollowUpBody>;

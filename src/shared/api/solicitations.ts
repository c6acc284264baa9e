/** 约稿 and 扣分: GET/POST /api/solicitations, POST /api/solicitations/:id/responses, GET/POST/DELETE /api/penalties. */
import { Type, type Static } from '@sinclair/typebox';
import { ANSWER_STATES, type AnswerState } from '../../domain/solicitation-answers.js';
import { MAX_RECORD_ID } from '../limits.js';

export type { AnswerState };

const DateField = (title: string) => Type.String({ title, pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const IdParams = Type.Object({ id: Type.Integer({ title: '编号', minimum: 1, maximum: MAX_RECORD_ID }) });
export type IdParams = Static<typeof IdParams>;

export const Issuer = Type.Union([Type.Literal('district'), Type.Literal('city')], { title: '约稿方' });
export type Issuer = Static<typeof Issuer>;

/** POST /api/solicitations; no `unitIds` means every unit, including ones added later. */
export const SolicitationBody = Type.Object(
  {
    issuer: Issuer,
    title: Type.String({ title: '约稿标题', minLength: 1, maxLength: 200 }),
    requirements: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()], { title: '约稿要求' })),
    deadline: DateField('截止日期'),
    unitIds: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: MAX_RECORD_ID }), { title: '约稿对象', maxItems: 5000 })
    ),
  },
  { additionalProperties: false }
);
export type SolicitationBody = Static<typeof SolicitationBody>;

/** POST /api/solicitations/:id/responses */
export const ResponseBody = Type.Object(
  { itemId: Type.Integer({ title: '稿件', minimum: 1, maximum: MAX_RECORD_ID }) },
  { additionalProperties: false }
);
export type ResponseBody = Static<typeof ResponseBody>;

export const PenaltyReason = Type.Union([Type.Literal('late_solicitation'), Type.Literal('criticism')], {
  title: '扣分原因',
});

/** POST /api/penalties */
export const PenaltyBody = Type.Object(
  {
    unitId: Type.Integer({ title: '单位', minimum: 1, maximum: MAX_RECORD_ID }),
    reason: PenaltyReason,
    date: DateField('扣分日期'),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { title: '备注' })),
  },
  { additionalProperties: false }
);
export type PenaltyBody = Static<typeof PenaltyBody>;

/** A record created: its id and ledger id. */
export const CreatedRecord = Type.Object({ id: Type.Integer(), ref: Type.String() });
export type CreatedRecord = Static<typeof CreatedRecord>;

/** The answer of POST /api/penalties: a manual lateness deduction near an automatic one is warned about. */
export const RecordedPenalty = Type.Object({
  id: Type.Integer(),
  ref: Type.String(),
  warnings: Type.Array(Type.String()),
});
export type RecordedPenalty = Static<typeof RecordedPenalty>;

export const PenaltyDeleted = Type.Object({ ok: Type.Literal(true) });
export type PenaltyDeleted = Static<typeof PenaltyDeleted>;

const AnswerStateSchema = Type.Unsafe<AnswerState>(Type.String({ enum: [...ANSWER_STATES] }));

const SolicitationFields = {
  id: Type.Integer(),
  ref: Type.String(),
  issuer: Issuer,
  title: Type.String(),
  requirements: Nullable(Type.String()),
  deadline: Type.String(),
  allUnits: Type.Boolean(),
  /** Days from today to the deadline; negative once it passed. */
  daysLeft: Type.Integer(),
  version: Type.Integer(),
};

/** A solicitation as the district office sees it: every target unit's state, and how many are in each. */
export const DistrictSolicitation = Type.Object({
  ...SolicitationFields,
  units: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), state: AnswerStateSchema })),
  counts: Type.Object({
    on_time: Type.Integer(),
    late: Type.Integer(),
    missing: Type.Integer(),
    pending: Type.Integer(),
  }),
});
export type DistrictSolicitation = Static<typeof DistrictSolicitation>;

/** A solicitation as a unit it targets sees it: its own state and the items it answered with. */
export const UnitSolicitation = Type.Object({
  ...SolicitationFields,
  state: AnswerStateSchema,
  myItems: Type.Array(
    Type.Object({ id: Type.Integer(), title: Type.String(), status: Type.String(), statusName: Type.String() })
  ),
});
export type UnitSolicitation = Static<typeof UnitSolicitation>;

/** GET /api/solicitations: the district office's view or a unit's, by the caller's role. */
export const Solicitations = Type.Array(Type.Union([DistrictSolicitation, UnitSolicitation]));
export type Solicitations = Static<typeof Solicitations>;

/** One deduction (扣分记录). */
export const Penalty = Type.Object({
  id: Type.Integer(),
  ref: Type.String(),
  /** A code of the policy's penalties (late_solicitation, criticism). */
  reason: Type.String(),
  date: Type.String(),
  note: Nullable(Type.String()),
  unit_id: Type.Integer(),
  unit: Type.String(),
});
export type Penalty = Static<typeof Penalty>;

/** GET /api/penalties */
export const Penalties = Type.Array(Penalty);
export type Penalties = Static<typeof Penalties>;

/** GET /api/penalties/export: the page's unit filter (the list itself is filtered in the page). */
export const PenaltyExportQuery = Type.Object(
  { unitId: Type.Optional(Type.Integer({ title: '单位', minimum: 1, maximum: MAX_RECORD_ID })) },
  { additionalProperties: false }
);
export type PenaltyExportQuery = Static<typeof PenaltyExportQuery>;

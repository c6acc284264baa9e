/** The audit log (审计管理员): entries with names and labels, the chain check and the export. */
import { Type, type Static } from '@sinclair/typebox';
import { MAX_PAGE } from '../limits.js';

const Outcome = Type.Union([Type.Literal('ok'), Type.Literal('denied'), Type.Literal('failed')]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

/** GET /api/audit and /api/audit/export */
export const AuditQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ title: '起始时间', maxLength: 30 })),
    to: Type.Optional(Type.String({ title: '截止时间', maxLength: 30 })),
    actor: Type.Optional(Type.String({ title: '操作人', maxLength: 100 })),
    action: Type.Optional(Type.String({ title: '操作', maxLength: 50 })),
    outcome: Type.Optional(Type.Union(Outcome.anyOf, { title: '结果' })),
    objectType: Type.Optional(Type.String({ title: '对象类型', maxLength: 50 })),
    objectId: Type.Optional(Type.String({ title: '对象编号', maxLength: 50 })),
    page: Type.Optional(Type.Integer({ title: '页码', minimum: 1, maximum: MAX_PAGE })),
    pageSize: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false }
);
export type AuditQuery = Static<typeof AuditQuery>;

/** One entry as stored (chained), with the names behind its ids and its Chinese labels. */
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor_id: Type.Union([Type.Integer(), Type.Null()]),
  actor: Type.String(),
  ip: Type.String(),
  action: Type.String(),
  object_type: NullableString,
  object_id: NullableString,
  // Stored as text; one of the three outcomes.
  outcome: Type.Unsafe<Static<typeof Outcome>>(Type.String()),
  before: NullableString,
  after: NullableString,
  prev_hash: Type.String(),
  hash: Type.String(),
  actor_name: NullableString,
  actor_unit: NullableString,
  object_name: NullableString,
  action_label: Type.String(),
  outcome_label: Type.String(),
  object_type_label: Type.String(),
});
export type AuditEntry = Static<typeof AuditEntry>;

/** GET /api/audit */
export const AuditPage = Type.Object({
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
  entries: Type.Array(AuditEntry),
});
export type AuditPage = Static<typeof AuditPage>;

/** GET /api/audit/verify: whether the keyed hash chain (HMAC-SM3) holds, or where it breaks. */
export const AuditVerification = Type.Union([
  Type.Object({
    ok: Type.Literal(true),
    entries: Type.Integer(),
    // Entries written before the chain was keyed (plain SM3, sealed by the first keyed entry).
    legacyEntries: Type.Optional(Type.Integer()),
  }),
  Type.Object({ ok: Type.Literal(false), entries: Type.Integer(), brokenAt: Type.Integer(), reason: Type.String() }),
]);
export type AuditVerification = Static<typeof AuditVerification>;

/** GET /api/audit/export: CSV, UTF-8 with a BOM. */
export const AuditCsv = { content: { 'text/csv': { schema: Type.String() } } };

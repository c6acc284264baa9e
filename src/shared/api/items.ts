/**
 * The items routes' contract: request schemas (their titles are the Chinese field names of
 * validation errors) and response schemas, imported by the routes and by the pages. The item
 * page's answer is in `item-detail.ts`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ITEM_ACTIONS } from '../../domain/item-workflow.js';
import { ITEM_CATEGORIES, ITEM_STATUSES, type ItemStatus } from '../item-fields.js';
import { MAX_PAGE, MAX_RECORD_ID } from '../limits.js';
import { literals } from './literals.js';

const DateField = (title: string) => Type.String({ title, pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Version = Type.Integer({ title: '版本号', minimum: 1, maximum: MAX_RECORD_ID });

export const ItemIdParams = Type.Object({
  id: Type.Integer({ title: '稿件编号', minimum: 1, maximum: MAX_RECORD_ID }),
});
export type ItemIdParams = Static<typeof ItemIdParams>;
export const ItemChildParams = Type.Object({
  id: Type.Integer({ title: '稿件编号', minimum: 1, maximum: MAX_RECORD_ID }),
  childId: Type.Integer({ title: '记录编号', minimum: 1, maximum: MAX_RECORD_ID }),
});
export type ItemChildParams = Static<typeof ItemChildParams>;

const draftFields = {
  title: Type.String({ title: '标题', minLength: 1, maxLength: 200 }),
  body: Type.String({ title: '正文', minLength: 1, maxLength: 20000 }),
  category: literals(ITEM_CATEGORIES, '内容类别'),
  reporter: Type.String({ title: '报送人', minLength: 1, maxLength: 50 }),
  signer: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()], { title: '签发人' })),
  phone: Type.String({ title: '联系电话', minLength: 1, maxLength: 40 }),
  isPublic: Type.Boolean({ title: '公开属性' }),
  isOutsideRemit: Type.Boolean({ title: '是否非本单位职能范围' }),
  source: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()], { title: '来源' })),
  isMajor: Type.Boolean({ title: '重大或敏感信息' }),
  secrecy: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()], { title: '密级' })),
};

/** A new item may answer a solicitation of its unit from the start (撰写回复稿). */
export const ItemDraftBody = Type.Object(
  {
    ...draftFields,
    solicitationId: Type.Optional(Type.Integer({ title: '回复的约稿', minimum: 1, maximum: MAX_RECORD_ID })),
  },
  { additionalProperties: false }
);
export type ItemDraftBody = Static<typeof ItemDraftBody>;
export const ItemUpdateBody = Type.Object({ version: Version, ...draftFields }, { additionalProperties: false });
export type ItemUpdateBody = Static<typeof ItemUpdateBody>;

export const TransitionBody = Type.Object(
  {
    action: literals(Object.keys(ITEM_ACTIONS) as (keyof typeof ITEM_ACTIONS)[], '操作'),
    version: Version,
    comment: Type.Optional(Type.String({ title: '理由', maxLength: 1000 })),
  },
  { additionalProperties: false }
);
export type TransitionBody = Static<typeof TransitionBody>;

export const PaperCopyBody = Type.Object(
  { version: Version, date: DateField('书面稿件报送日期') },
  { additionalProperties: false }
);
export type PaperCopyBody = Static<typeof PaperCopyBody>;

export const ItemListQuery = Type.Object(
  {
    status: Type.Optional(literals(Object.keys(ITEM_STATUSES) as (keyof typeof ITEM_STATUSES)[], '状态')),
    unitId: Type.Optional(Type.Integer({ title: '单位', minimum: 1, maximum: MAX_RECORD_ID })),
    series: Type.Optional(Type.String({ title: '序列', maxLength: 20 })),
    category: Type.Optional(Type.String({ title: '内容类别', maxLength: 50 })),
    from: Type.Optional(DateField('起始日期')),
    to: Type.Optional(DateField('截止日期')),
    q: Type.Optional(Type.String({ title: '关键词', minLength: 1, maxLength: 50 })),
    outlet: Type.Optional(Type.String({ title: '采用载体', minLength: 1, maxLength: 20 })),
    sort: Type.Optional(literals(['submitted', 'unit', 'status', 'points'], '排序字段')),
    order: Type.Optional(literals(['asc', 'desc'], '排序方向')),
    page: Type.Optional(Type.Integer({ title: '页码', minimum: 1, maximum: MAX_PAGE, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false }
);
export type ItemListQuery = Static<typeof ItemListQuery>;

/** At most one page of the inbox at a time. */
export const SimilarItemsQuery = Type.Object(
  {
    ids: Type.String({ title: '稿件编号', pattern: '^[1-9]\\d{0,9}(,[1-9]\\d{0,9}){0,99}$' }),
  },
  { additionalProperties: false }
);
export type SimilarItemsQuery = Static<typeof SimilarItemsQuery>;

export const SimilarItem = Type.Object({
  id: Type.Integer(),
  ref: Type.String(),
  title: Type.String(),
  submitted: Type.String(),
  status: Type.String(),
  statusName: Type.String(),
  unit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  score: Type.Number(),
  reason: Type.Union([Type.Literal('title'), Type.Literal('body')]),
});

export type SimilarItem = Static<typeof SimilarItem>;

/** GET /api/items/:id/similar */
export const SimilarItemsResponse = Type.Array(SimilarItem);
/** Per requested item id, the items that look alike (items with none are left out). */
export const SimilarItemsBatchResponse = Type.Object({ items: Type.Record(Type.String(), Type.Array(SimilarItem)) });
export type SimilarItemsBatchResponse = Static<typeof SimilarItemsBatchResponse>;

/**
 * Outlets, kinds and levels are the policy's vocabulary: any code here, checked against the policy
 * in force by the use case (`domain/policy-vocabulary.ts`), so a new policy's outlet can be recorded.
 */
const Term = (title: string) => Type.String({ title, maxLength: 50 });
// Null first: the validator coerces types, and tried first as a string a null would become ''.
const OptionalTerm = (title: string) =>
  Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 50 })], { title }));

export const AdoptionBody = Type.Object(
  {
    outlet: Term('采用载体'),
    kind: OptionalTerm('信息类型'),
    date: DateField('采用日期'),
    issue: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()], { title: '期号' })),
  },
  { additionalProperties: false }
);
export type AdoptionBody = Static<typeof AdoptionBody>;

export const AcceptBody = Type.Object(
  {
    version: Version,
    adoptions: Type.Array(AdoptionBody, { title: '采用', minItems: 1, maxItems: 3 }),
  },
  { additionalProperties: false }
);
export type AcceptBody = Static<typeof AcceptBody>;

export const BulkAdoptionBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { id: Type.Integer({ title: '稿件编号', minimum: 1, maximum: MAX_RECORD_ID }), version: Version },
        { additionalProperties: false }
      ),
      { title: '稿件', minItems: 1, maxItems: 100 }
    ),
    ...AdoptionBody.properties,
  },
  { additionalProperties: false }
);
export type BulkAdoptionBody = Static<typeof BulkAdoptionBody>;

export const AdoptionCorrectionBody = Type.Object(
  { version: Version, ...AdoptionBody.properties },
  { additionalProperties: false }
);
export type AdoptionCorrectionBody = Static<typeof AdoptionCorrectionBody>;

export const InstructionBody = Type.Object(
  {
    level: Term('批示级别'),
    date: DateField('批示日期'),
    leader: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()], { title: '批示领导' })),
    text: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()], { title: '批示内容' })),
  },
  { additionalProperties: false }
);
export type InstructionBody = Static<typeof InstructionBody>;

export const UpwardBody = Type.Object(
  {
    level: Term('级别'),
    date: DateField('采用日期'),
    kind: OptionalTerm('信息类型'),
  },
  { additionalProperties: false }
);
export type UpwardBody = Static<typeof UpwardBody>;

/**
 * A string or null as one type list: the compiled serializer tells them apart with typeof, where
 * a union (anyOf) runs a schema validator on every value. The OpenAPI document shows `nullable`.
 */
const NullableString = () => Type.Unsafe<string | null>({ type: ['string', 'null'] });

/** The list's answer, declared so Fastify serializes it with a compiled serializer. */
export const ItemListResponse = Type.Object({
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      ref: Type.String(),
      title: Type.String(),
      status: Type.Unsafe<ItemStatus>(Type.String({ enum: Object.keys(ITEM_STATUSES) })),
      statusName: Type.String(),
      submitted: Type.String(),
      category: NullableString(),
      isPublic: Type.Boolean(),
      isMajor: Type.Boolean(),
      unit: Type.Object({ id: Type.Integer(), name: Type.String(), series: Type.String() }),
      version: Type.Integer(),
      points: Type.Number(),
    })
  ),
});
export type ItemListResponse = Static<typeof ItemListResponse>;
export type ItemListRow = ItemListResponse['items'][number];

const Warnings = Type.Array(Type.String());
const CreatedRecord = Type.Object({ id: Type.Integer(), ref: Type.String() });

/** POST /api/items (201) */
export const ItemCreated = Type.Object({ id: Type.Integer(), warnings: Warnings });
export type ItemCreated = Static<typeof ItemCreated>;
/** PUT /api/items/:id */
export const ItemUpdated = Type.Object({ warnings: Warnings });
export type ItemUpdated = Static<typeof ItemUpdated>;
/** POST /api/items/:id/transitions */
export const TransitionResponse = Type.Object({
  status: Type.Unsafe<ItemStatus>(Type.String({ enum: Object.keys(ITEM_STATUSES) })),
  statusName: Type.String(),
});
export type TransitionResponse = Static<typeof TransitionResponse>;
/** Answers that only confirm: paper copy, attachment removal, adoption correction and undo. */
export const Done = Type.Object({ ok: Type.Boolean() });
export type Done = Static<typeof Done>;
/** POST /api/items/:id/attachments (201) */
export const AttachmentCreated = Type.Object({ id: Type.Integer() });
export type AttachmentCreated = Static<typeof AttachmentCreated>;
/** GET /api/items/:id/attachments/:childId: the file itself, in its own media type. */
export const AttachmentFile = {
  content: { 'application/octet-stream': { schema: Type.Unsafe<Uint8Array>(Type.String({ format: 'binary' })) } },
};
/** GET /api/items/:id/attachments/:childId?disposition=inline: PDF and pictures shown on the page. */
export const AttachmentQuery = Type.Object(
  {
    disposition: Type.Optional(
      Type.Union([Type.Literal('attachment'), Type.Literal('inline')], { title: '打开方式', default: 'attachment' })
    ),
  },
  { additionalProperties: false }
);
export type AttachmentQuery = Static<typeof AttachmentQuery>;
/** GET /api/items/:id/attachments/:childId/preview: a Word attachment as sanitised HTML. */
export const AttachmentPreview = Type.Object({ html: Type.String() });
export type AttachmentPreview = Static<typeof AttachmentPreview>;
/** POST /api/items/:id/adoptions (201) */
export const AdoptionCreated = CreatedRecord;
export type AdoptionCreated = Static<typeof AdoptionCreated>;
/** POST /api/items/:id/instructions and /upwards (201): with warnings when the record earns nothing. */
export const RecordCreated = Type.Object({ id: Type.Integer(), ref: Type.String(), warnings: Warnings });
export type RecordCreated = Static<typeof RecordCreated>;
/** POST /api/items/:id/accept */
export const AcceptResponse = Type.Object({
  status: Type.Unsafe<ItemStatus>(Type.String({ enum: Object.keys(ITEM_STATUSES) })),
  adoptions: Type.Array(CreatedRecord),
});
export type AcceptResponse = Static<typeof AcceptResponse>;
/** POST /api/items/bulk-adoptions */
export const BulkAdoptionResponse = Type.Object({ adopted: Type.Integer(), refs: Type.Array(Type.String()) });
export type BulkAdoptionResponse = Static<typeof BulkAdoptionResponse>;

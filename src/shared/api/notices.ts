/**
 * 信息工作通知: GET/POST /api/notices, GET /api/notices/:id, POST /api/notices/:id/attachments,
 * GET /api/notices/:id/attachments/:childId, POST /api/notices/:id/publish, /reads and /reminders.
 */
import { Type, type Static } from '@sinclair/typebox';
import { literals } from './literals.js';
import { MAX_RECORD_ID } from '../limits.js';

/** What a notice is about: the policy's 报送途径及方式如有变动，将另行通知, a call for items, a meeting. */
export const NOTICE_KINDS = {
  submission_change: '报送方式变动',
  call_for_items: '约稿主题',
  meeting: '会议',
  other: '其他',
} as const;
export type NoticeKind = keyof typeof NOTICE_KINDS;

/** Who receives it: every unit, one assessment series, or the units chosen. */
export const NOTICE_AUDIENCES = { all: '全部单位', series: '某一序列', units: '指定单位' } as const;
export type NoticeAudience = keyof typeof NOTICE_AUDIENCES;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const NoticeIdParams = Type.Object({
  id: Type.Integer({ title: '通知编号', minimum: 1, maximum: MAX_RECORD_ID }),
});
export type NoticeIdParams = Static<typeof NoticeIdParams>;

export const NoticeChildParams = Type.Object({
  id: Type.Integer({ title: '通知编号', minimum: 1, maximum: MAX_RECORD_ID }),
  childId: Type.Integer({ title: '附件编号', minimum: 1, maximum: MAX_RECORD_ID }),
});
export type NoticeChildParams = Static<typeof NoticeChildParams>;

/** POST /api/notices: a draft; attachments are added to it, then it is posted (and fixed). */
export const NoticeBody = Type.Object(
  {
    title: Type.String({ title: '通知标题', minLength: 1, maxLength: 200 }),
    body: Type.String({ title: '通知正文', minLength: 1, maxLength: 20000 }),
    kind: literals(Object.keys(NOTICE_KINDS) as NoticeKind[], '通知类别'),
    audience: literals(Object.keys(NOTICE_AUDIENCES) as NoticeAudience[], '发送范围'),
    seriesCode: Type.Optional(Type.String({ title: '序列', minLength: 1, maxLength: 20 })),
    unitIds: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: MAX_RECORD_ID }), { title: '指定单位', maxItems: 5000 })
    ),
  },
  { additionalProperties: false }
);
export type NoticeBody = Static<typeof NoticeBody>;

export const NoticeCreated = Type.Object({ id: Type.Integer() });
export type NoticeCreated = Static<typeof NoticeCreated>;

export const NoticeAttachmentCreated = Type.Object({ id: Type.Integer() });
export type NoticeAttachmentCreated = Static<typeof NoticeAttachmentCreated>;

/** GET /api/notices/:id/attachments/:childId: the file itself. */
export const NoticeAttachmentFile = {
  content: { 'application/octet-stream': { schema: Type.Unsafe<Uint8Array>(Type.String({ format: 'binary' })) } },
};

/** POST /api/notices/:id/publish */
export const NoticePosted = Type.Object({ postedAt: Type.String(), unitCount: Type.Integer() });
export type NoticePosted = Static<typeof NoticePosted>;

/** POST /api/notices/:id/reads: the unit's confirmation (the first one stands). */
export const NoticeRead = Type.Object({ readAt: Type.String(), readBy: Type.String() });
export type NoticeRead = Static<typeof NoticeRead>;

/** POST /api/notices/:id/reminders: how many unread units were reminded. */
export const NoticeReminded = Type.Object({ remindedAt: Type.String(), unitCount: Type.Integer() });
export type NoticeReminded = Static<typeof NoticeReminded>;

const NoticeFields = {
  id: Type.Integer(),
  title: Type.String(),
  kind: Type.String(),
  kindName: Type.String(),
  audience: Type.String(),
  /** 全部单位, the series' name, or 指定单位（N 个）. */
  audienceName: Type.String(),
  postedBy: Nullable(Type.String()),
  postedAt: Nullable(Type.String()),
  createdAt: Type.String(),
};

/**
 * One row of GET /api/notices. The district office gets the counts (null for a unit); a unit
 * gets its own confirmation and last reminder (null for the district office).
 */
export const NoticeSummary = Type.Object({
  ...NoticeFields,
  unitCount: Nullable(Type.Integer()),
  readCount: Nullable(Type.Integer()),
  readAt: Nullable(Type.String()),
  remindedAt: Nullable(Type.String()),
});
export type NoticeSummary = Static<typeof NoticeSummary>;

export const NoticeList = Type.Array(NoticeSummary);
export type NoticeList = Static<typeof NoticeList>;

export const NoticeUnitStatus = Type.Object({
  unitId: Type.Integer(),
  unit: Type.String(),
  readAt: Nullable(Type.String()),
  readBy: Nullable(Type.String()),
  remindedAt: Nullable(Type.String()),
});
export type NoticeUnitStatus = Static<typeof NoticeUnitStatus>;

/** GET /api/notices/:id: with every recipient's status for the district office, none for a unit. */
export const NoticeDetail = Type.Object({
  ...NoticeFields,
  body: Type.String(),
  attachments: Type.Array(
    Type.Object({ id: Type.Integer(), filename: Type.String(), mediaType: Type.String(), size: Type.Integer() })
  ),
  units: Nullable(Type.Array(NoticeUnitStatus)),
  reminders: Nullable(Type.Array(Type.Object({ at: Type.String(), by: Type.String(), unitCount: Type.Integer() }))),
  readAt: Nullable(Type.String()),
  readBy: Nullable(Type.String()),
  remindedAt: Nullable(Type.String()),
});
export type NoticeDetail = Static<typeof NoticeDetail>;

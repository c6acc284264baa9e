/** 邮件发送 (the outbox of e-mail notifications), the system administrator's. */
import { Type, type Static } from '@sinclair/typebox';
import { MAX_PAGE, MAX_RECORD_ID } from '../limits.js';
import { NOTIFICATION_KIND_CODES } from '../notification-kinds.js';
import { literals } from './literals.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);

/** GET /api/admin/outbox */
export const OutboxQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')], { title: '状态' })
    ),
    page: Type.Optional(Type.Integer({ title: '页码', minimum: 1, maximum: MAX_PAGE })),
    pageSize: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false }
);
export type OutboxQuery = Static<typeof OutboxQuery>;

export const OutboxMessage = Type.Object({
  id: Type.Integer(),
  createdAt: Type.String(),
  kind: Type.String(),
  kindName: Type.String(),
  recipient: Type.String(),
  recipientName: Type.String(),
  unit: NullableString,
  subject: Type.String(),
  status: Type.String(),
  statusName: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: NullableString,
  lastError: NullableString,
  sentAt: NullableString,
});
export type OutboxMessage = Static<typeof OutboxMessage>;

export const OutboxPage = Type.Object({
  /** Whether GOVINFO_SMTP_URL is set (the server sends); without it messages wait. */
  configured: Type.Boolean(),
  /** The From address in use, when configured. */
  from: NullableString,
  counts: Type.Object({ pending: Type.Integer(), sent: Type.Integer(), failed: Type.Integer() }),
  rows: Type.Array(OutboxMessage),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type OutboxPage = Static<typeof OutboxPage>;

export const OutboxParams = Type.Object({
  id: Type.Integer({ title: '邮件编号', minimum: 1, maximum: MAX_RECORD_ID }),
});
export type OutboxParams = Static<typeof OutboxParams>;

/** The kinds of e-mail a registered person does not want (邮件通知 turned off). */
export const MailOptOutField = Type.Array(literals(NOTIFICATION_KIND_CODES, '不接收的邮件通知'), {
  title: '不接收的邮件通知',
  maxItems: NOTIFICATION_KIND_CODES.length,
  uniqueItems: true,
});

/** PUT /api/contacts/:id/mail-opt-outs */
export const MailOptOutBody = Type.Object({ optOut: MailOptOutField }, { additionalProperties: false });
export type MailOptOutBody = Static<typeof MailOptOutBody>;

/** The mail intake routes' contract (邮件报送 and 隔离区), imported by the routes and the pages. */
import { Type, type Static } from '@sinclair/typebox';
import { MAX_PAGE, MAX_RECORD_ID } from '../limits.js';

/** POST /api/mail/intake: the same answer as `govinfo intake --json`. */
export const IntakeResult = Type.Object({
  accepted: Type.Array(
    Type.Object({ file: Type.String(), item: Type.Integer(), unit: Type.String(), title: Type.String() })
  ),
  quarantined: Type.Array(Type.Object({ file: Type.String(), reason: Type.String() })),
});
export type IntakeResult = Static<typeof IntakeResult>;

export const QuarantineQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('quarantined'), Type.Literal('rejected')], { title: '状态' })),
    page: Type.Optional(Type.Integer({ title: '页码', minimum: 1, maximum: MAX_PAGE })),
    pageSize: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false }
);
export type QuarantineQuery = Static<typeof QuarantineQuery>;

export const QuarantinedMessage = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  sender: Type.Union([Type.String(), Type.Null()]),
  subject: Type.Union([Type.String(), Type.Null()]),
  size: Type.Integer(),
  status: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  receivedAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decisionReason: Type.Union([Type.String(), Type.Null()]),
  unit: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
});
export type QuarantinedMessage = Static<typeof QuarantinedMessage>;

export const QuarantinePage = Type.Object({
  rows: Type.Array(QuarantinedMessage),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type QuarantinePage = Static<typeof QuarantinePage>;

export const MailMessageParams = Type.Object({
  id: Type.Integer({ title: '邮件编号', minimum: 1, maximum: MAX_RECORD_ID }),
});
export type MailMessageParams = Static<typeof MailMessageParams>;

const Version = Type.Integer({ title: '版本号', minimum: 1, maximum: MAX_RECORD_ID });

export const QuarantineImportBody = Type.Object(
  { version: Version, unitId: Type.Integer({ title: '单位', minimum: 1, maximum: MAX_RECORD_ID }) },
  { additionalProperties: false }
);
export type QuarantineImportBody = Static<typeof QuarantineImportBody>;

export const QuarantineRejectBody = Type.Object(
  { version: Version, reason: Type.String({ title: '退回理由', minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false }
);
export type QuarantineRejectBody = Static<typeof QuarantineRejectBody>;

/** POST /api/mail/quarantine/:id/import */
export const QuarantineImported = Type.Object({ item: Type.Integer(), unit: Type.String(), title: Type.String() });
export type QuarantineImported = Static<typeof QuarantineImported>;

export const Done = Type.Object({ ok: Type.Boolean() });

/** The last poll of the district's mailbox. */
export const MailboxPollStatus = Type.Object({
  at: Type.String(),
  mailbox: Type.String(),
  accepted: Type.Integer(),
  quarantined: Type.Integer(),
  duplicates: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
});
export type MailboxPollStatus = Static<typeof MailboxPollStatus>;

/** GET /api/mail/mailbox-status: `configured: false` when GOVINFO_IMAP_URL is not set. */
export const MailboxStatus = Type.Object({
  configured: Type.Boolean(),
  mailbox: Type.Optional(Type.String()),
  intervalSeconds: Type.Optional(Type.Integer()),
  last: Type.Optional(Type.Union([MailboxPollStatus, Type.Null()])),
});
export type MailboxStatus = Static<typeof MailboxStatus>;

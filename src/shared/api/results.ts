/** GET/POST /api/results: a quarter's results (《番府信息》工作通讯), prepared by 调研科 and approved by an office leader. */
import { Type, type Static } from '@sinclair/typebox';
import { ScoresDocument } from './scores.js';
import { MAX_RECORD_ID } from '../limits.js';

/** POST /api/results */
export const PublicationBody = Type.Object(
  {
    year: Type.Integer({ title: '考核年度', minimum: 2000, maximum: 2100 }),
    quarter: Type.Integer({ title: '季度', minimum: 1, maximum: 4 }),
  },
  { additionalProperties: false }
);
export type PublicationBody = Static<typeof PublicationBody>;

/** POST /api/results/:id/approve */
export const ApproveBody = Type.Object(
  { version: Type.Integer({ title: '版本号', minimum: 1, maximum: MAX_RECORD_ID }) },
  { additionalProperties: false }
);
export type ApproveBody = Static<typeof ApproveBody>;

/** POST /api/results/:id/return */
export const ReturnBody = Type.Object(
  {
    version: Type.Integer({ title: '版本号', minimum: 1, maximum: MAX_RECORD_ID }),
    comment: Type.String({ title: '退回意见', minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false }
);
export type ReturnBody = Static<typeof ReturnBody>;

export const PublicationParams = Type.Object({
  id: Type.Integer({ title: '编号', minimum: 1, maximum: MAX_RECORD_ID }),
});
export type PublicationParams = Static<typeof PublicationParams>;

/** The answer of POST /api/results. */
export const PreparedPublication = Type.Object({ id: Type.Integer() });
export type PreparedPublication = Static<typeof PreparedPublication>;

/** The answer of approving or returning. */
export const ResultsOk = Type.Object({ ok: Type.Literal(true) });
export type ResultsOk = Static<typeof ResultsOk>;

export const PublicationStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('returned'),
  Type.Literal('published'),
]);
export type PublicationStatus = Static<typeof PublicationStatus>;

export const ResultAction = Type.Union([
  Type.Literal('prepare'),
  Type.Literal('resubmit'),
  Type.Literal('return'),
  Type.Literal('approve'),
]);
export type ResultAction = Static<typeof ResultAction>;

/** One quarter's results: the scores frozen when prepared, published once approved. */
export const Publication = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  quarter: Type.Integer(),
  /** pending approval, returned to the editor with a comment, or published. */
  status: PublicationStatus,
  /** The day the figures stand as of. */
  asOf: Type.String(),
  preparedAt: Type.String(),
  approvedAt: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  scores: ScoresDocument,
  /** The bulletin's texts before and after its tables (the editor's). */
  textBefore: Type.String(),
  textAfter: Type.String(),
  /** The district office only: every step with its comments, and the comment of the last return. */
  history: Type.Optional(
    Type.Array(
      Type.Object({
        at: Type.String(),
        actor: Type.String(),
        action: ResultAction,
        comment: Type.Union([Type.String(), Type.Null()]),
      })
    )
  ),
  returnComment: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type Publication = Static<typeof Publication>;

/** GET /api/results */
export const Publications = Type.Array(Publication);
export type Publications = Static<typeof Publications>;

/** PUT /api/results/:id/texts: the bulletin's texts, saved with the draft. */
export const BulletinTextsBody = Type.Object(
  {
    version: Type.Integer({ title: '版本号', minimum: 1, maximum: MAX_RECORD_ID }),
    textBefore: Type.String({ title: '表前文字', maxLength: 20000 }),
    textAfter: Type.String({ title: '表后文字', maxLength: 20000 }),
  },
  { additionalProperties: false }
);
export type BulletinTextsBody = Static<typeof BulletinTextsBody>;

/** The answer of saving the texts: the publication's new version. */
export const BulletinTextsSaved = Type.Object({ version: Type.Integer() });
export type BulletinTextsSaved = Static<typeof BulletinTextsSaved>;

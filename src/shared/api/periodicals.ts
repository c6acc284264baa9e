/** /api/periodicals: 刊物 — the district office's periodicals and their issues (assemble, approve, publish). */
import { Type, type Static } from '@sinclair/typebox';
import { MAX_RECORD_ID } from '../limits.js';

const DateField = (title: string) => Type.String({ title, pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Version = Type.Integer({ title: '版本号', minimum: 1, maximum: MAX_RECORD_ID });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** How many items one issue holds at most. */
export const MAX_ISSUE_ITEMS = 60;

export const IssueStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('submitted'),
  Type.Literal('returned'),
  Type.Literal('approved'),
  Type.Literal('published'),
  Type.Literal('withdrawn'),
]);
export type IssueStatus = Static<typeof IssueStatus>;

/** A periodical, with the kinds its outlet grades items by (empty when it does not). */
export const Periodical = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  subtitle: Nullable(Type.String()),
  outlet: Type.String(),
  outletName: Type.String(),
  /** The issuing office printed on the masthead (编印单位). */
  issuer: Type.String(),
  kinds: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  version: Type.Integer(),
});
export type Periodical = Static<typeof Periodical>;
export const Periodicals = Type.Array(Periodical);
export type Periodicals = Static<typeof Periodicals>;

/** Longest name and subtitle of a periodical, and issuer, in characters (after trimming). */
export const PERIODICAL_NAME_MAX = 30;
export const PERIODICAL_ISSUER_MAX = 60;

const periodicalFields = {
  name: Type.String({ title: '刊物名称', minLength: 1, maxLength: PERIODICAL_NAME_MAX }),
  subtitle: Type.Optional(
    Type.Union([Type.String({ maxLength: PERIODICAL_NAME_MAX }), Type.Null()], { title: '副标题' })
  ),
  outlet: Type.String({ title: '记入采用载体', minLength: 1, maxLength: 20 }),
  issuer: Type.String({ title: '编印单位', minLength: 1, maxLength: PERIODICAL_ISSUER_MAX }),
};

/** POST /api/periodicals (刊物设置 → 新增刊物): the subtitle left out or empty means none. */
export const PeriodicalBody = Type.Object(periodicalFields, { additionalProperties: false });
export type PeriodicalBody = Static<typeof PeriodicalBody>;

/** PUT /api/periodicals/:id: every field as it is to be, with the version read. */
export const PeriodicalUpdateBody = Type.Object(
  { version: Version, ...periodicalFields },
  { additionalProperties: false }
);
export type PeriodicalUpdateBody = Static<typeof PeriodicalUpdateBody>;

export const CreatedPeriodical = Type.Object({ id: Type.Integer() });
export type CreatedPeriodical = Static<typeof CreatedPeriodical>;

export const PeriodicalOk = Type.Object({ ok: Type.Literal(true) });
export type PeriodicalOk = Static<typeof PeriodicalOk>;

export const PeriodicalParams = Type.Object({
  id: Type.Integer({ title: '刊物编号', minimum: 1, maximum: MAX_RECORD_ID }),
});
export type PeriodicalParams = Static<typeof PeriodicalParams>;

export const IssueParams = Type.Object({
  id: Type.Integer({ title: '期编号', minimum: 1, maximum: MAX_RECORD_ID }),
});
export type IssueParams = Static<typeof IssueParams>;

/** GET /api/periodicals/:id/next-number?year= */
export const NextNumberQuery = Type.Object(
  { year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false }
);
export type NextNumberQuery = Static<typeof NextNumberQuery>;
export const NextNumber = Type.Object({ number: Type.Integer() });
export type NextNumber = Static<typeof NextNumber>;

/** GET /api/periodicals/issues?periodicalId= */
export const IssueListQuery = Type.Object(
  { periodicalId: Type.Optional(Type.Integer({ title: '刊物编号', minimum: 1, maximum: MAX_RECORD_ID })) },
  { additionalProperties: false }
);
export type IssueListQuery = Static<typeof IssueListQuery>;

/** GET /api/periodicals/candidates?q= */
export const CandidateQuery = Type.Object(
  { q: Type.Optional(Type.String({ title: '关键词', minLength: 1, maxLength: 50 })) },
  { additionalProperties: false }
);
export type CandidateQuery = Static<typeof CandidateQuery>;

/** An item the district office has received or adopted, which an issue may carry. */
export const CandidateItem = Type.Object({
  id: Type.Integer(),
  ref: Type.String(),
  title: Type.String(),
  body: Type.String(),
  unit: Type.String(),
  submitted: Type.String(),
  status: Type.String(),
});
export type CandidateItem = Static<typeof CandidateItem>;
export const CandidateItems = Type.Array(CandidateItem);
export type CandidateItems = Static<typeof CandidateItems>;

/** One item of an issue as the editor sends it: its edited title and body, and its kind where the outlet grades by kind. */
export const IssueItemInput = Type.Object(
  {
    itemId: Type.Integer({ title: '稿件编号', minimum: 1, maximum: MAX_RECORD_ID }),
    title: Type.String({ title: '编辑后标题', minLength: 1, maxLength: 200 }),
    body: Type.String({ title: '编辑后正文', minLength: 1, maxLength: 20000 }),
    kind: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()], { title: '信息类型' })),
  },
  { additionalProperties: false }
);
export type IssueItemInput = Static<typeof IssueItemInput>;

const issueFields = {
  year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }),
  number: Type.Integer({ title: '期号', minimum: 1, maximum: 9999 }),
  date: DateField('出刊日期'),
  items: Type.Array(IssueItemInput, { title: '稿件', maxItems: MAX_ISSUE_ITEMS }),
};

/** POST /api/periodicals/issues: `number` left out takes the next number of the year. */
export const NewIssueBody = Type.Object(
  {
    periodicalId: Type.Integer({ title: '刊物', minimum: 1, maximum: MAX_RECORD_ID }),
    ...issueFields,
    number: Type.Optional(issueFields.number),
  },
  { additionalProperties: false }
);
export type NewIssueBody = Static<typeof NewIssueBody>;

/** PUT /api/periodicals/issues/:id */
export const IssueBody = Type.Object({ version: Version, ...issueFields }, { additionalProperties: false });
export type IssueBody = Static<typeof IssueBody>;

/** submit, approve, publish */
export const IssueVersionBody = Type.Object({ version: Version }, { additionalProperties: false });
export type IssueVersionBody = Static<typeof IssueVersionBody>;

/** return (comment required), withdraw (comment optional) */
export const IssueCommentBody = Type.Object(
  { version: Version, comment: Type.Optional(Type.String({ title: '意见', maxLength: 2000 })) },
  { additionalProperties: false }
);
export type IssueCommentBody = Static<typeof IssueCommentBody>;

export const CreatedIssue = Type.Object({ id: Type.Integer() });
export type CreatedIssue = Static<typeof CreatedIssue>;

export const IssueOk = Type.Object({ ok: Type.Literal(true) });
export type IssueOk = Static<typeof IssueOk>;

/** What publishing recorded: adoptions created, and items that kept an earlier adoption in the outlet. */
export const PublishResult = Type.Object({
  adopted: Type.Integer(),
  kept: Type.Array(Type.Object({ itemId: Type.Integer(), title: Type.String(), date: Type.String() })),
});
export type PublishResult = Static<typeof PublishResult>;

export const IssueSummary = Type.Object({
  id: Type.Integer(),
  periodicalId: Type.Integer(),
  year: Type.Integer(),
  number: Type.Integer(),
  issueLine: Type.String(),
  date: Type.String(),
  status: IssueStatus,
  itemCount: Type.Integer(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type IssueSummary = Static<typeof IssueSummary>;
export const IssueSummaries = Type.Array(IssueSummary);
export type IssueSummaries = Static<typeof IssueSummaries>;

export const IssueItem = Type.Object({
  itemId: Type.Integer(),
  ref: Type.String(),
  unit: Type.String(),
  title: Type.String(),
  body: Type.String(),
  kind: Nullable(Type.String()),
  /** The unit's text as submitted. */
  originalTitle: Type.String(),
  originalBody: Type.String(),
  /** The adoption this issue's publishing created, if any. */
  adoptionId: Type.Union([Type.Integer(), Type.Null()]),
});
export type IssueItem = Static<typeof IssueItem>;

export const IssueEvent = Type.Object({
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  comment: Nullable(Type.String()),
});
export type IssueEvent = Static<typeof IssueEvent>;

export const IssueDetail = Type.Object({
  ...IssueSummary.properties,
  periodical: Periodical,
  items: Type.Array(IssueItem),
  history: Type.Array(IssueEvent),
  returnComment: Nullable(Type.String()),
});
export type IssueDetail = Static<typeof IssueDetail>;

/** GET /api/periodicals/issues/:id/document?format=docx|pdf */
export const IssueDocumentQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('docx'), Type.Literal('pdf')], { title: '文件格式', default: 'docx' }),
  },
  { additionalProperties: false }
);
export type IssueDocumentQuery = Static<typeof IssueDocumentQuery>;

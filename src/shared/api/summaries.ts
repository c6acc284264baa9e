/**
 * /api/summaries: the half-year (半年小结) and annual (年度总结) summaries — figures, charts and the
 * editor's analysis paragraphs, submitted to an office leader, approved or returned with a comment.
 */
import { Type, type Static } from '@sinclair/typebox';
import { MAX_RECORD_ID } from '../limits.js';
import { DocumentFormatQuery } from './documents.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const Period = {
  year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }),
  /** 1: 上半年小结; omitted: 年度总结. */
  half: Type.Optional(Type.Integer({ title: '上半年', minimum: 1, maximum: 1 })),
};

/** GET /api/summaries?year&half */
export const SummaryQuery = Type.Object({ ...Period }, { additionalProperties: false });
export type SummaryQuery = Static<typeof SummaryQuery>;

/** GET /api/summaries/document?year&half&format */
export const SummaryDocumentQuery = Type.Object(
  { ...Period, ...DocumentFormatQuery.properties },
  { additionalProperties: false }
);
export type SummaryDocumentQuery = Static<typeof SummaryDocumentQuery>;

/** PUT /api/summaries: the edited analysis paragraphs, one per series. */
export const SummaryDraftBody = Type.Object(
  {
    ...Period,
    version: Type.Optional(Type.Integer({ title: '版本号', minimum: 1, maximum: MAX_RECORD_ID })),
    paragraphs: Type.Array(
      Type.Object(
        {
          series: Type.String({ title: '序列', minLength: 1, maxLength: 20 }),
          text: Type.String({ title: '分析段落', minLength: 1, maxLength: 5000 }),
        },
        { additionalProperties: false }
      ),
      { title: '分析段落', maxItems: 20 }
    ),
  },
  { additionalProperties: false }
);
export type SummaryDraftBody = Static<typeof SummaryDraftBody>;

export const SummaryParams = Type.Object({
  id: Type.Integer({ title: '编号', minimum: 1, maximum: MAX_RECORD_ID }),
});
export type SummaryParams = Static<typeof SummaryParams>;

/** POST /api/summaries/:id/submit and /approve */
export const SummaryVersionBody = Type.Object(
  { version: Type.Integer({ title: '版本号', minimum: 1, maximum: MAX_RECORD_ID }) },
  { additionalProperties: false }
);
export type SummaryVersionBody = Static<typeof SummaryVersionBody>;

/** POST /api/summaries/:id/return */
export const SummaryReturnBody = Type.Object(
  {
    version: Type.Integer({ title: '版本号', minimum: 1, maximum: MAX_RECORD_ID }),
    comment: Type.String({ title: '退回意见', minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false }
);
export type SummaryReturnBody = Static<typeof SummaryReturnBody>;

/** The answer of saving a draft. */
export const SavedSummary = Type.Object({ id: Type.Integer(), version: Type.Integer() });
export type SavedSummary = Static<typeof SavedSummary>;

export const SummaryOk = Type.Object({ ok: Type.Literal(true) });
export type SummaryOk = Static<typeof SummaryOk>;

const Chart = Type.Object({
  categories: Type.Array(Type.String()),
  series: Type.Array(
    Type.Object({
      name: Type.String(),
      type: Type.Union([Type.Literal('bar'), Type.Literal('line')]),
      data: Type.Array(Nullable(Type.Number())),
      stack: Type.Optional(Type.String()),
    })
  ),
});

const Improvement = Type.Object({
  unit: Type.String(),
  series: Type.String(),
  points: Type.Number(),
  previousPoints: Type.Number(),
  change: Type.Number(),
});

/** The figures of a summary (domain/summary-figures.ts), live or as frozen when submitted. */
export const SummaryFigures = Type.Object({
  year: Type.Integer(),
  half: Nullable(Type.Literal(1)),
  title: Type.String(),
  periodLabel: Type.String(),
  quarters: Type.Array(Type.Integer()),
  series: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      units: Type.Integer(),
      target: Type.Number(),
      met: Type.Integer(),
      points: Type.Number(),
      previousPoints: Type.Number(),
      changeRate: Nullable(Type.Number()),
      drafted: Type.String(),
    })
  ),
  units: Type.Array(
    Type.Object({
      unit: Type.String(),
      series: Type.String(),
      quarters: Type.Array(Type.Number()),
      points: Type.Number(),
      target: Type.Number(),
      met: Type.Boolean(),
      quartersMet: Nullable(Type.Integer()),
      previousPoints: Type.Number(),
      change: Type.Number(),
      rank: Type.Integer(),
    })
  ),
  outlets: Type.Array(
    Type.Object({
      group: Type.String(),
      bySeries: Type.Record(Type.String(), Type.Object({ count: Type.Integer(), points: Type.Number() })),
      count: Type.Integer(),
      points: Type.Number(),
    })
  ),
  instructions: Type.Integer(),
  upward: Type.Integer(),
  totals: Type.Object({
    points: Type.Number(),
    previousPoints: Type.Number(),
    changeRate: Nullable(Type.Number()),
  }),
  mostImproved: Type.Array(Improvement),
  mostBehind: Type.Array(Improvement),
  commended: Nullable(
    Type.Array(
      Type.Object({
        unit: Type.String(),
        series: Type.String(),
        seriesName: Type.String(),
        points: Type.Number(),
        rank: Type.Integer(),
        directors: Type.Array(Type.String()),
        officers: Type.Array(Type.String()),
      })
    )
  ),
  charts: Type.Object({ byQuarter: Chart, byOutlet: Chart, trend: Chart }),
});
export type SummaryFigures = Static<typeof SummaryFigures>;

export const SummaryStatus = Type.Union([
  Type.Literal('none'),
  Type.Literal('draft'),
  Type.Literal('pending'),
  Type.Literal('returned'),
  Type.Literal('approved'),
]);
export type SummaryStatus = Static<typeof SummaryStatus>;

/** GET /api/summaries: the summary of a year's half or whole year as it stands. */
export const SummaryView = Type.Object({
  year: Type.Integer(),
  half: Nullable(Type.Literal(1)),
  /** null until the editor first saves it. */
  id: Nullable(Type.Integer()),
  version: Nullable(Type.Integer()),
  /** none (never saved), draft, pending approval, returned to the editor, or approved. */
  status: SummaryStatus,
  /** Whether the figures are frozen (submitted or approved) rather than the live records. */
  frozen: Type.Boolean(),
  updatedAt: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  approvedAt: Nullable(Type.String()),
  figures: SummaryFigures,
  /** The opening paragraph drafted from the figures. */
  overview: Type.String(),
  /** Each series' paragraph as it stands (edited, else drafted) and as drafted. */
  paragraphs: Type.Array(
    Type.Object({ series: Type.String(), name: Type.String(), text: Type.String(), drafted: Type.String() })
  ),
  history: Type.Array(
    Type.Object({
      at: Type.String(),
      actor: Type.String(),
      action: Type.Union([
        Type.Literal('save'),
        Type.Literal('submit'),
        Type.Literal('resubmit'),
        Type.Literal('return'),
        Type.Literal('approve'),
      ]),
      comment: Nullable(Type.String()),
    })
  ),
  returnComment: Nullable(Type.String()),
});
export type SummaryView = Static<typeof SummaryView>;

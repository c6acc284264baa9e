/** 台账导入 from the web pages: the preview or the stored counts, and the problems of a refused file. */
import { Type, type Static } from '@sinclair/typebox';

const NullableString = Type.Union([Type.String(), Type.Null()]);

/** POST /api/imports */
export const ImportQuery = Type.Object(
  {
    // Validating is the safe default: storing needs an explicit dryRun=false.
    dryRun: Type.Optional(Type.Boolean({ title: '仅校验（不存储）', default: true })),
  },
  { additionalProperties: false }
);
export type ImportQuery = Static<typeof ImportQuery>;

/** Records of one type: how many are (or would be) stored and how many were already there. */
export const ImportCount = Type.Object({
  type: Type.String(),
  name: Type.String(),
  stored: Type.Integer(),
  skipped: Type.Integer(),
});
export type ImportCount = Static<typeof ImportCount>;

/** POST /api/imports: what a dry run would store, or what was stored. */
export const ImportPreview = Type.Object({
  dryRun: Type.Boolean(),
  file: Type.String(),
  counts: Type.Array(ImportCount),
  warnings: Type.Array(Type.String()),
});
export type ImportPreview = Static<typeof ImportPreview>;

/** One problem of a refused file (the error answer's `problems`), split as files/ledger-problems.ts does. */
export const ImportProblem = Type.Object({
  location: Type.String(),
  file: Type.String(),
  sheet: NullableString,
  line: Type.Union([Type.Integer(), Type.Null()]),
  field: NullableString,
  value: NullableString,
  message: Type.String(),
});
export type ImportProblem = Static<typeof ImportProblem>;

/** GET /api/imports/template: the workbook, as bytes. */
export const ImportTemplate = {
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: Type.Unsafe<Uint8Array>(Type.String({ format: 'binary' })),
    },
  },
};

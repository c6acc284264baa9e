/**
 * Documents the server answers as files: `.docx`, `.pdf` and `.xlsx` downloads of the bulletin,
 * publications, summaries and every table's 导出Excel. One schema per format, so the OpenAPI
 * document names each route's media type.
 */
import { Type, type Static } from '@sinclair/typebox';

export const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export type DocumentFormat = keyof typeof MEDIA_TYPES;

const binary = () => ({ schema: Type.Unsafe<Uint8Array>(Type.String({ format: 'binary' })) });

/** A 200 answer in any of the document formats. */
export const DocumentFile = {
  content: { [MEDIA_TYPES.docx]: binary(), [MEDIA_TYPES.pdf]: binary(), [MEDIA_TYPES.xlsx]: binary() },
};

/** A 200 answer that is always a workbook (导出Excel). */
export const WorkbookFile = { content: { [MEDIA_TYPES.xlsx]: binary() } };

/** `?format=docx|pdf|xlsx` of a document download. */
export const DocumentFormatQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('docx'), Type.Literal('pdf'), Type.Literal('xlsx')], {
      title: '文件格式',
      default: 'docx',
    }),
  },
  { additionalProperties: false }
);
export type DocumentFormatQuery = Static<typeof DocumentFormatQuery>;

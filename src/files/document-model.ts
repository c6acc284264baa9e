/**
 * What the office's documents are made of, independent of the file format: the publications,
 * the quarterly bulletin and the summaries build one of these, and `official-docx.ts` lays it out
 * after GB/T 9704-2012 (and `pdf-conversion.ts` turns that into a PDF).
 */

/** The 版头: the publication's name in red, its number, the issuing office and date, the red rule. */
export interface Masthead {
  /** e.g. 番府信息 (printed in red, large). */
  name: string;
  /** e.g. 政务动态 or 工作通讯, printed under the name in brackets; omitted when empty. */
  subtitle?: string;
  /** e.g. 2011年第15期. */
  issueLine: string;
  /** e.g. 番禺区人民政府办公室. */
  issuer: string;
  /** e.g. 2011年5月20日. */
  date: string;
}

export type DocumentBlock =
  /** A heading inside the body (一、二、… level), bold 黑体. */
  | { kind: 'heading'; text: string }
  /** A body paragraph, first line indented two characters unless `indent` is false. */
  | { kind: 'paragraph'; text: string; indent?: boolean; align?: 'left' | 'center' | 'right' }
  /** An item in a publication: its title (centred, bold), body paragraphs and the unit line. */
  | { kind: 'article'; title: string; paragraphs: string[]; source?: string }
  /** A table with a header row; numbers are right-aligned. */
  | { kind: 'table'; caption?: string; columns: string[]; rows: (string | number | null)[][] }
  /** A PNG picture (a chart), `widthMm` wide, keeping its aspect ratio. */
  | { kind: 'image'; caption?: string; png: Buffer; widthPx: number; heightPx: number; widthMm: number }
  | { kind: 'pageBreak' };

export interface OfficialDocument {
  masthead?: Masthead;
  /** The document's title (方正小标宋简体 二号), centred. */
  title?: string;
  blocks: DocumentBlock[];
  /** The 版记 at the end: e.g. 抄送 and 印发 lines. */
  closing?: string[];
}

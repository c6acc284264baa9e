import type { Kysely } from 'kysely';
import { todayInChina } from '../../domain/dates.js';
import type { SummaryHalf } from '../../domain/summary-analysis.js';
import type { Database, Db } from '../../db/database.js';
import { PdfUnavailableError, pdfAvailable } from '../../files/pdf-conversion.js';
import type { DocumentFormat } from '../../shared/api/documents.js';
import type { ActingUser } from '../acting-user.js';
import {
  approvedSummaryContent,
  requireSummaryReader,
  summaryContent,
  type SummaryContent,
} from './summary-content.js';
import { renderSummary } from './summary-document.js';

export interface SummaryFile {
  bytes: Buffer;
  /** Without extension. */
  name: string;
}

async function fileOf(content: SummaryContent, format: DocumentFormat, now: Date): Promise<SummaryFile> {
  // An approved summary, as approved, is dated the day it was approved; anything else, today.
  const approvedAt = content.frozen && content.row?.status === 'approved' ? content.row.approved_at : null;
  const date = todayInChina(approvedAt ? new Date(approvedAt) : now);
  const bytes = await renderSummary({ figures: content.figures, paragraphs: content.paragraphs, date }, format);
  return { bytes, name: content.figures.title };
}

/**
 * The summary the page shows, as a file: the approved one once approved (figures as approved),
 * the submitted one while pending, else the live records with the paragraphs as edited.
 */
export async function summaryFileForUser(
  db: Kysely<Database>,
  user: ActingUser,
  year: number,
  half: SummaryHalf,
  format: DocumentFormat,
  now: Date
): Promise<SummaryFile> {
  requireSummaryReader(user);
  // Refused before any figures are computed or charts drawn.
  if (format === 'pdf' && !pdfAvailable()) throw new PdfUnavailableError();
  return fileOf(await summaryContent(db, year, half), format, now);
}

/**
 * `govinfo summary`: the live records with the paragraphs as edited (drafted where none), or with
 * `asApproved` the approved summary exactly as approved.
 */
export async function summaryFileForCli(
  db: Db,
  year: number,
  half: SummaryHalf,
  format: DocumentFormat,
  options: { asApproved?: boolean; now?: Date } = {}
): Promise<SummaryFile> {
  if (format === 'pdf' && !pdfAvailable()) throw new PdfUnavailableError();
  const content = options.asApproved
    ? await approvedSummaryContent(db, year, half)
    : await summaryContent(db, year, half, { live: true });
  return fileOf(content, format, options.now ?? new Date());
}

import type { Kysely } from 'kysely';
import { chineseDate, issueLine, paragraphsOf } from '../../domain/periodical-issue.js';
import type { Database } from '../../db/database.js';
import { issueItems, itemsWithUnits } from '../../db/repositories/periodical.repository.js';
import type { OfficialDocument } from '../../files/document-model.js';
import { renderOfficialDocx } from '../../files/official-docx.js';
import { convertDocxToPdf } from '../../files/pdf-conversion.js';
import type { ActingUser } from '../acting-user.js';
import { loadIssue, requireDistrict } from './periodical-access.js';

/**
 * An issue as an official document: the periodical's red masthead (name, subtitle, 2011年第15期, the
 * issuing office, the date), then each item in order with its edited title and text and its unit.
 */
export async function issueDocument(
  db: Kysely<Database>,
  id: number
): Promise<{ document: OfficialDocument; filename: string }> {
  const { issue, periodical } = await loadIssue(db, id);
  const rows = await issueItems(db, id);
  const units = new Map(
    (
      await itemsWithUnits(
        db,
        rows.map((r) => r.item_id)
      )
    ).map((i) => [i.id, i.unit])
  );
  const line = issueLine(issue.year, issue.number);
  const date = chineseDate(issue.date);
  return {
    filename: `${periodical.name}${line}`,
    document: {
      masthead: {
        name: periodical.name,
        subtitle: periodical.subtitle ?? undefined,
        issueLine: line,
        issuer: periodical.issuer,
        date,
      },
      blocks: rows.map((r) => ({
        kind: 'article' as const,
        title: r.title,
        paragraphs: paragraphsOf(r.body),
        source: units.get(r.item_id),
      })),
      // 版记: the issuing office and the date, set apart by ideographic spaces.
      closing: [`${periodical.issuer}${'\u3000'.repeat(4)}${date}印发`],
    },
  };
}

/** The issue's `.docx` or `.pdf` (PDF where LibreOffice is installed, else PdfUnavailableError). */
export async function renderIssue(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  format: 'docx' | 'pdf'
): Promise<{ bytes: Buffer; filename: string }> {
  requireDistrict(user);
  const { document, filename } = await issueDocument(db, id);
  const docx = await renderOfficialDocx(document);
  return { bytes: format === 'pdf' ? await convertDocxToPdf(docx) : docx, filename };
}

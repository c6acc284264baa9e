import type { Kysely } from 'kysely';
import { overviewParagraph } from '../../domain/summary-figures.js';
import type { SummaryHalf } from '../../domain/summary-analysis.js';
import type { Database } from '../../db/database.js';
import { summaryEvents } from '../../db/repositories/summary.repository.js';
import type { SummaryStatus, SummaryView } from '../../shared/api/summaries.js';
import type { ActingUser } from '../acting-user.js';
import { requireSummaryReader, summaryContent } from './summary-content.js';

/** The summary page's view: figures and charts, each series' paragraph, its state and history. */
export async function readSummary(
  db: Kysely<Database>,
  user: ActingUser,
  year: number,
  half: SummaryHalf
): Promise<SummaryView> {
  requireSummaryReader(user);
  const { figures, paragraphs, row, frozen } = await summaryContent(db, year, half);
  const history = row ? ((await summaryEvents(db, row.id)) as SummaryView['history']) : [];
  const lastReturn = [...history].reverse().find((e) => e.action === 'return');
  return {
    year,
    half,
    id: row?.id ?? null,
    version: row?.version ?? null,
    status: (row?.status ?? 'none') as SummaryStatus,
    frozen,
    updatedAt: row?.updated_at ?? null,
    submittedAt: row?.submitted_at ?? null,
    approvedAt: row?.approved_at ?? null,
    figures,
    overview: overviewParagraph(figures),
    paragraphs: figures.series.map((s) => ({
      series: s.code,
      name: s.name,
      text: paragraphs[s.code],
      drafted: s.drafted,
    })),
    history,
    returnComment: row?.status === 'returned' ? (lastReturn?.comment ?? null) : null,
  };
}

import type { SummaryFigures } from '../../domain/summary-figures.js';
import type { SummaryHalf } from '../../domain/summary-analysis.js';
import type { Db } from '../../db/database.js';
import { findSummaryOfPeriod, type SummaryRow } from '../../db/repositories/summary.repository.js';
import type { ActingUser } from '../acting-user.js';
import { requireRole } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { computeSummaryFigures } from './compute-summary-figures.js';

/** The district office reads and writes summaries; units never see them. */
export function requireSummaryReader(user: ActingUser): void {
  requireRole(user, ['editor', 'office_leader'], '查看工作总结');
}

/** How a summary's period is stored: 'half' (上半年) or 'year'. */
export function periodKey(half: SummaryHalf): 'half' | 'year' {
  return half === 1 ? 'half' : 'year';
}

export function halfOfPeriod(period: string): SummaryHalf {
  return period === 'half' ? 1 : null;
}

/** A summary to show or write out: its figures and one analysis paragraph per series. */
export interface SummaryContent {
  figures: SummaryFigures;
  /** Series code → paragraph: as edited, else as drafted from the figures. */
  paragraphs: Record<string, string>;
  row: SummaryRow | undefined;
  /** Whether the figures are the ones frozen when submitted (pending or approved), not the live records. */
  frozen: boolean;
}

export function storedParagraphs(row: SummaryRow | undefined): Record<string, string> {
  return row ? (JSON.parse(row.paragraphs) as Record<string, string>) : {};
}

/** Every series' paragraph: the edited one where there is one, else the drafted one. */
export function paragraphsFor(figures: SummaryFigures, edited: Record<string, string>): Record<string, string> {
  return Object.fromEntries(figures.series.map((s) => [s.code, edited[s.code] ?? s.drafted]));
}

/**
 * The summary as it stands: once submitted (pending or approved) its frozen figures, before that
 * the live records; `live` asks for the live records whatever the state (`govinfo summary`'s default).
 */
export async function summaryContent(
  db: Db,
  year: number,
  half: SummaryHalf,
  options: { live?: boolean } = {}
): Promise<SummaryContent> {
  const row = await findSummaryOfPeriod(db, year, periodKey(half));
  const frozen = !options.live && row?.snapshot != null && (row.status === 'pending' || row.status === 'approved');
  const figures = frozen ? (JSON.parse(row.snapshot!) as SummaryFigures) : await computeSummaryFigures(db, year, half);
  return { figures, paragraphs: paragraphsFor(figures, storedParagraphs(row)), row, frozen };
}

/** The approved summary as approved; refused when there is none. */
export async function approvedSummaryContent(db: Db, year: number, half: SummaryHalf): Promise<SummaryContent> {
  const row = await findSummaryOfPeriod(db, year, periodKey(half));
  if (row?.status !== 'approved' || row.snapshot === null)
    throw new ServiceError('not_found', `${year}年${half === 1 ? '上半年小结' : '年度总结'}尚未审批通过`);
  const figures = JSON.parse(row.snapshot) as SummaryFigures;
  return { figures, paragraphs: paragraphsFor(figures, storedParagraphs(row)), row, frozen: true };
}

/** API calls of 单位得分明细 and the pure logic of its tables. */
import { http, query } from '../../../http';
import type { ExplainedBooking, Explanation, ScoresDocument, UnitAssessment } from '../overview/types';

export function loadExplanation(unit: string, year: number, signal?: AbortSignal): Promise<Explanation> {
  return http.get<Explanation>(`/api/scores/explain${query({ unit, year })}`, { signal });
}

/** The series' assessment of the year, for the unit's targets, met/failed and rank. */
export function loadSeriesScores(year: number, series: string, signal?: AbortSignal): Promise<ScoresDocument> {
  return http.get<ScoresDocument>(`/api/scores${query({ year, series })}`, { signal });
}

export function findAssessment(document: ScoresDocument | undefined, unit: string): UnitAssessment | undefined {
  return document?.units.find((u) => u.unit === unit);
}

/** Bookings of one quarter (or all), in date order as the server lists them. */
export function bookingsOf(bookings: readonly ExplainedBooking[], quarter: number | null): ExplainedBooking[] {
  return bookings.filter((b) => quarter === null || b.quarter === quarter);
}

/** The ledger record behind a booking, in words (shared with the 导出Excel workbook). */
export { RECORD_TYPES } from '@shared/tables/score-columns';

/** Points shown with their sign: +8, −5. */
export function signedPoints(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '0';
}

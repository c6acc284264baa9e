/** 导出Excel of the scores: one sheet per series as the scores page shows it, and one unit's bookings. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { listSeries } from '../../db/repositories/unit.repository.js';
import { todayInChina } from '../../domain/dates.js';
import { ExplainQuery, ScoresQuery } from '../../shared/api/scores.js';
import {
  BOOKING_COLUMNS,
  gapLabel,
  metLabel,
  periodFigure,
  QUARTER_NAMES,
  recordLabel,
  scoreColumnTitles,
  seriesRows,
} from '../../shared/tables/score-columns.js';
import type { SheetTable } from '../../files/xlsx-workbook.js';
import type { ActingUser } from '../acting-user.js';
import { explainUnitForUser } from '../explain-unit-for-user.js';
import { scoresForUser } from '../scores-for-user.js';
import { filterDescription, sheetOf, workbookOf, type ExportedWorkbook } from './export-workbook.js';

/** The period's name in file names and titles: 2026年第一季度, 2026年全年. */
const periodName = (year: number, quarter: number | undefined) =>
  `${year}年${quarter ? QUARTER_NAMES[quarter - 1] : '全年'}`;

/** Every series' units ranked by the period's points, with the columns of the page's series table. */
export async function exportScores(
  db: Kysely<Database>,
  user: ActingUser,
  query: ScoresQuery,
  now: Date
): Promise<ExportedWorkbook> {
  const asOf = query.asOf ?? todayInChina(now);
  const [document, series] = await Promise.all([
    scoresForUser(db, user, { year: query.year, quarter: query.quarter, asOf, series: query.series }),
    listSeries(db),
  ]);
  const quarter = query.quarter ?? null;
  const titles = scoreColumnTitles(quarter);
  const quarterTitles = { q1: QUARTER_NAMES[0], q2: QUARTER_NAMES[1], q3: QUARTER_NAMES[2], q4: QUARTER_NAMES[3] };
  const keys =
    quarter === null
      ? (['rank', 'unit', 'points', 'target', 'met', 'gap', 'q1', 'q2', 'q3', 'q4'] as const)
      : (['rank', 'unit', 'points', 'target', 'met', 'gap', 'streak', 'annualPoints', 'annualTarget'] as const);
  const allTitles = {
    ...titles,
    ...quarterTitles,
    // The page shows 全年累计 as "points / target"; the file keeps both as numbers.
    annualPoints: `${titles.annual}得分`,
    annualTarget: '年度指标',
  };
  const tables: SheetTable[] = series
    .filter((s) => document.units.some((u) => u.series === s.code))
    .map((s) =>
      sheetOf(s.name, allTitles, keys, seriesRows(document.units, s.code, quarter), ({ unit, rank }) => {
        const figure = periodFigure(unit, quarter);
        const streak = quarter === null ? 0 : (unit.quarters[quarter - 1]?.failed_streak ?? 0);
        return {
          rank,
          unit: unit.unit,
          points: figure.points,
          target: figure.target,
          met: metLabel(figure),
          gap: gapLabel(figure),
          streak: streak >= 2 ? streak : null,
          annualPoints: unit.annual.points,
          annualTarget: unit.annual.target,
          q1: periodFigure(unit, 1).points,
          q2: periodFigure(unit, 2).points,
          q3: periodFigure(unit, 3).points,
          q4: periodFigure(unit, 4).points,
        };
      })
    );
  const period = periodName(query.year, query.quarter);
  const description = `${filterDescription(ScoresQuery, { ...query, asOf })}；按${document.policy}计分；共 ${document.units.length} 个单位`;
  return workbookOf(`考核得分_${period}`, tables, `考核得分（${period}）`, description);
}

/** Every booking behind one unit's points (单位得分明细), as the explain route answers it. */
export async function exportExplanation(
  db: Kysely<Database>,
  user: ActingUser,
  query: ExplainQuery,
  now: Date
): Promise<ExportedWorkbook> {
  const asOf = query.asOf ?? todayInChina(now);
  const explanation = await explainUnitForUser(
    db,
    user,
    { unit: query.unit, year: query.year, quarter: query.quarter, asOf },
    now
  );
  const keys = ['date', 'description', 'points', 'item', 'record'] as const;
  const sheet = sheetOf('记分明细', BOOKING_COLUMNS, keys, explanation.bookings, (b) => ({
    date: b.date,
    description: b.description,
    points: b.points,
    item: b.itemTitle ?? b.item,
    record: recordLabel(b.record),
  }));
  const period = periodName(query.year, query.quarter);
  const description =
    `${filterDescription(ExplainQuery, { ...query, asOf })}；合计 ${explanation.points} 分；` +
    `共 ${explanation.bookings.length} 笔`;
  return workbookOf(
    `${explanation.unit}得分明细_${period}`,
    [sheet],
    `${explanation.unit}得分明细（${period}）`,
    description
  );
}

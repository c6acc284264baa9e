import { assessmentNotices } from './assessment-notices.js';
import type { UnitAssessment } from './assessment.js';
import { recordTypeOfRule } from './bookings.js';
import { competitionRanks } from './ranking.js';

/**
 * The quarter's 《番府信息》(工作通讯): every figure, list and text of the bulletin as one plain
 * document, built from the records and frozen as it is when the bulletin is published.
 */

/** A booking as the bulletin keeps it: enough to tell later what changed (record, rule, points). */
export interface BulletinBooking {
  unit: string;
  /** The booking's year where it is not the bulletin's own (the previous year's, carried for adjustments). */
  year?: number;
  quarter: number;
  ref: string;
  rule: string;
  points: number;
}

/** A stored booking of the year with what the annex needs (the item's title). */
export interface BulletinBookingFact extends BulletinBooking {
  itemTitle: string | null;
}

export interface BulletinRow {
  unit: string;
  /** Items the unit sent in the quarter. */
  submitted: number;
  /** Adoptions per outlet code (the policy's outlets). */
  adopted: Record<string, number>;
  /** 区领导批示 bonuses. */
  instructions: number;
  /** 上报省、市被采用 events that raised the item's bonus. */
  upward: number;
  /** 约稿 answered on time and adopted. */
  answered: number;
  /** 约稿 not answered before the deadline. */
  missed: number;
  /** Points deducted (penalties and missed solicitations), zero or negative. */
  deductions: number;
  points: number;
  target: number | null;
  met: boolean | null;
  rank: number;
  /** Points of quarters 1..Q. */
  cumulative: number;
  annualTarget: number;
}

export interface BulletinSeries {
  code: string;
  name: string;
  quarterlyTarget: number | null;
  annualTarget: number;
  rows: BulletinRow[];
}

export interface FailedStreakNotice {
  unit: string;
  streak: number;
  leaders: string[];
  officers: string[];
}

export interface BulletinAdjustment {
  unit: string;
  /** The year of the corrected quarter (absent in bulletins frozen before it was recorded: the bulletin's year). */
  year?: number;
  quarter: number;
  before: number;
  after: number;
  reasons: string[];
}

export interface AnnexEntry {
  title: string;
  unit: string;
  outlet: string;
  points: number;
}

export interface BulletinDocument {
  year: number;
  quarter: number;
  asOf: string;
  issuer: string;
  /** The day the bulletin was issued (published), or the preview's day. */
  issuedOn: string;
  textBefore: string;
  textAfter: string;
  outlets: { code: string; name: string }[];
  series: BulletinSeries[];
  /** 书面通报批评: units that failed the quarter. */
  criticised: string[];
  failedStreakThreshold: number;
  failedStreak: FailedStreakNotice[];
  adjustments: BulletinAdjustment[];
  annex: AnnexEntry[];
  /**
   * Every booking of quarters 1..Q as counted (and of the previous year, tagged with it, where
   * `previousYearQuarters`), so the next bulletin can say what changed since.
   */
  bookings: BulletinBooking[];
  /**
   * How many of the previous year's quarters `bookings` holds (up to the last it published): they
   * can still be corrected, and this bulletin is then their baseline.
   */
  previousYearQuarters?: number;
}

/** What a later bulletin needs of an earlier one to tell what changed since. */
export type EarlierBulletin = Pick<BulletinDocument, 'year' | 'quarter' | 'bookings' | 'previousYearQuarters'> & {
  /** When it was published: the later publication is the baseline, whatever the quarters' order. */
  publishedAt?: string | null;
};

export interface BulletinInput {
  year: number;
  quarter: number;
  asOf: string;
  issuer: string;
  issuedOn: string;
  textBefore: string;
  textAfter: string;
  /** Units of `scores --json` for the year (as of the quarter). */
  units: readonly UnitAssessment[];
  series: readonly { code: string; name: string; quarterlyTarget: number | null; annualTarget: number }[];
  outlets: readonly { code: string; name: string }[];
  /** Items sent per unit in the quarter. */
  submitted: ReadonlyMap<string, number>;
  /** Bookings of quarters 1..Q of the year, as counted. */
  bookings: readonly BulletinBookingFact[];
  /**
   * The previous year's bookings as counted now, tagged with its year, of its quarters up to the
   * last it published a bulletin for: a correction there is reported in this year's bulletins.
   */
  previousYear?: { quarters: number; bookings: readonly BulletinBooking[] };
  /** Current 分管领导 and 信息员 per unit. */
  contacts: ReadonlyMap<string, { leaders: string[]; officers: string[] }>;
  failedStreakThreshold: number;
  /** Bulletins published earlier in the year and in the previous year, any order. */
  earlier: readonly EarlierBulletin[];
}

const RECORD_LABELS: Record<string, string> = {
  adoption: '采用',
  instruction: '批示',
  upward: '上报采用',
  response: '约稿回复',
  solicitation: '约稿未报',
  penalty: '扣分',
};

export function buildBulletin(input: BulletinInput): BulletinDocument {
  const { quarter } = input;
  const thisQuarter = input.bookings.filter((b) => b.quarter === quarter);
  const counts = countByUnit(thisQuarter, input.outlets);
  const series = input.series.map((s): BulletinSeries => {
    const units = input.units.filter((u) => u.series === s.code);
    const ranks = competitionRanks(units, (u) => u.quarters[quarter - 1].points);
    const rows = units.map((u): BulletinRow => {
      const q = u.quarters[quarter - 1];
      const c = counts.get(u.unit) ?? emptyCounts(input.outlets);
      return {
        unit: u.unit,
        submitted: input.submitted.get(u.unit) ?? 0,
        ...c,
        points: q.points,
        target: q.target,
        met: q.met,
        rank: ranks.get(u)!,
        cumulative: u.quarters.slice(0, quarter).reduce((sum, x) => sum + x.points, 0),
        annualTarget: u.annual.target,
      };
    });
    rows.sort((a, b) => a.rank - b.rank);
    return { ...s, rows };
  });

  const notices = assessmentNotices(input.units, quarter, input.failedStreakThreshold);
  const outletNames = new Map(input.outlets.map((o) => [o.code, o.name]));
  return {
    year: input.year,
    quarter,
    asOf: input.asOf,
    issuer: input.issuer,
    issuedOn: input.issuedOn,
    textBefore: input.textBefore,
    textAfter: input.textAfter,
    outlets: [...input.outlets],
    series,
    criticised: notices.criticised.map((u) => u.unit),
    failedStreakThreshold: input.failedStreakThreshold,
    failedStreak: notices.failedStreak.map((u) => ({
      unit: u.unit,
      streak: u.quarters[quarter - 1].failed_streak ?? 0,
      leaders: input.contacts.get(u.unit)?.leaders ?? [],
      officers: input.contacts.get(u.unit)?.officers ?? [],
    })),
    adjustments: adjustmentsSince(input.earlier, [...input.bookings, ...(input.previousYear?.bookings ?? [])], {
      year: input.year,
      quarter,
      previousYearQuarters: input.previousYear?.quarters,
    }),
    annex: thisQuarter
      .filter((b) => b.rule.startsWith('adoption:'))
      .map((b) => ({
        title: b.itemTitle ?? b.ref,
        unit: b.unit,
        outlet: outletNames.get(b.rule.split(':')[1]) ?? b.rule.split(':')[1],
        points: b.points,
      })),
    bookings: [
      ...input.bookings.map(({ unit, quarter: q, ref, rule, points }) => ({ unit, quarter: q, ref, rule, points })),
      ...(input.previousYear?.bookings ?? []),
    ],
    ...(input.previousYear ? { previousYearQuarters: input.previousYear.quarters } : {}),
  };
}

type Counts = Pick<BulletinRow, 'adopted' | 'instructions' | 'upward' | 'answered' | 'missed' | 'deductions'>;

function emptyCounts(outlets: BulletinInput['outlets']): Counts {
  return {
    adopted: Object.fromEntries(outlets.map((o) => [o.code, 0])),
    instructions: 0,
    upward: 0,
    answered: 0,
    missed: 0,
    deductions: 0,
  };
}

/** The quarter's counts per unit, read from the booking rules (adoption:<outlet>…, penalty:<reason> …). */
function countByUnit(bookings: readonly BulletinBooking[], outlets: BulletinInput['outlets']): Map<string, Counts> {
  const byUnit = new Map<string, Counts>();
  for (const b of bookings) {
    let c = byUnit.get(b.unit);
    if (!c) byUnit.set(b.unit, (c = emptyCounts(outlets)));
    const [head, first, second] = b.rule.split(':');
    if (head === 'adoption') c.adopted[first] = (c.adopted[first] ?? 0) + 1;
    else if (head === 'district_instruction') c.instructions += 1;
    else if (head === 'upward' && second === 'adoption') c.upward += 1;
    else if (head === 'solicitation_answered') c.answered += 1;
    else if (head === 'solicitation_missed') {
      c.missed += 1;
      c.deductions += b.points;
    } else if (head === 'penalty') c.deductions += b.points;
  }
  return byUnit;
}

/** A quarter as one number, so quarters of different years order and compare. */
const periodOf = (year: number, quarter: number) => year * 4 + quarter - 1;

/** The quarters a bulletin carries: its own year's up to its quarter, and those of the previous year it read. */
function carriedPeriods(bulletin: Pick<EarlierBulletin, 'year' | 'quarter' | 'previousYearQuarters'>): number[] {
  const previous = Array.from({ length: bulletin.previousYearQuarters ?? 0 }, (_, i) =>
    periodOf(bulletin.year - 1, i + 1)
  );
  return [...previous, ...Array.from({ length: bulletin.quarter }, (_, i) => periodOf(bulletin.year, i + 1))];
}

/** Whether `a` was published after `b`: by the time of publication where both have one, else by quarter. */
function publishedLater(a: EarlierBulletin, b: EarlierBulletin): boolean {
  if (a.publishedAt && b.publishedAt) return a.publishedAt > b.publishedAt;
  return periodOf(a.year, a.quarter) > periodOf(b.year, b.quarter);
}

/**
 * Units whose points in a quarter already published now differ from what was last published for
 * it, with the records behind the difference. The baseline of a quarter is the latest earlier
 * bulletin that carried it, so a change is reported once; a correction of the previous year's
 * quarters (its fourth above all) is reported by this year's bulletins.
 */
export function adjustmentsSince(
  earlier: readonly EarlierBulletin[],
  current: readonly BulletinBooking[],
  at: { year: number; quarter: number; previousYearQuarters?: number }
): BulletinAdjustment[] {
  const now = periodOf(at.year, at.quarter);
  const currentByPeriod = groupBy(current, (b) => periodOf(b.year ?? at.year, b.quarter));
  const baselines = new Map<number, EarlierBulletin>();
  for (const bulletin of earlier) {
    if (periodOf(bulletin.year, bulletin.quarter) >= now) continue;
    for (const period of carriedPeriods(bulletin)) {
      const known = baselines.get(period);
      if (!known || publishedLater(bulletin, known)) baselines.set(period, bulletin);
    }
  }
  // Only quarters whose current bookings were read: this year's before this one, and the previous
  // year's where they were carried in.
  const carriedNow = carriedPeriods({ ...at, quarter: at.quarter - 1 });
  const adjustments: BulletinAdjustment[] = [];
  for (const [period, bulletin] of baselines) {
    if (!carriedNow.includes(period)) continue;
    const year = Math.floor(period / 4);
    const quarter = (period % 4) + 1;
    const before = groupByUnit(
      bulletin.bookings.filter((b) => periodOf(b.year ?? bulletin.year, b.quarter) === period)
    );
    const after = groupByUnit(currentByPeriod.get(period) ?? []);
    for (const unit of new Set([...before.keys(), ...after.keys()])) {
      const old = before.get(unit) ?? [];
      const fresh = after.get(unit) ?? [];
      const oldPoints = sum(old);
      const newPoints = sum(fresh);
      if (oldPoints === newPoints) continue;
      adjustments.push({
        unit,
        year,
        quarter,
        before: oldPoints,
        after: newPoints,
        reasons: describeChanges(old, fresh),
      });
    }
  }
  return adjustments.sort(
    (a, b) => periodOf(a.year!, a.quarter) - periodOf(b.year!, b.quarter) || a.unit.localeCompare(b.unit, 'zh')
  );
}

function groupBy<K>(bookings: readonly BulletinBooking[], keyOf: (b: BulletinBooking) => K): Map<K, BulletinBooking[]> {
  const map = new Map<K, BulletinBooking[]>();
  for (const b of bookings) {
    const group = map.get(keyOf(b));
    if (group) group.push(b);
    else map.set(keyOf(b), [b]);
  }
  return map;
}

const groupByUnit = (bookings: readonly BulletinBooking[]) => groupBy(bookings, (b) => b.unit);

const sum = (bookings: readonly BulletinBooking[]) => bookings.reduce((total, b) => total + b.points, 0);

const signed = (points: number) => (points > 0 ? `+${points}` : String(points));

function label(rule: string): string {
  try {
    return RECORD_LABELS[recordTypeOfRule(rule)] ?? '';
  } catch {
    return '';
  }
}

/** "新增采用记录 A-12（+3）", "删除扣分记录 P-3（+2）", "变更批示记录 N-2（+5）". */
function describeChanges(old: readonly BulletinBooking[], now: readonly BulletinBooking[]): string[] {
  const key = (b: BulletinBooking) => `${b.rule}\u0000${b.ref}`;
  const oldByKey = new Map<string, number>();
  for (const b of old) oldByKey.set(key(b), (oldByKey.get(key(b)) ?? 0) + b.points);
  const newByKey = new Map<string, number>();
  for (const b of now) newByKey.set(key(b), (newByKey.get(key(b)) ?? 0) + b.points);
  const reasons: string[] = [];
  for (const b of now) {
    const k = key(b);
    if (!newByKey.has(k)) continue;
    const points = newByKey.get(k)!;
    newByKey.delete(k);
    const was = oldByKey.get(k);
    if (was === undefined) reasons.push(`新增${label(b.rule)}记录 ${b.ref}（${signed(points)}）`);
    else if (was !== points) reasons.push(`变更${label(b.rule)}记录 ${b.ref}（${signed(points - was)}）`);
  }
  const nowKeys = new Set(now.map(key));
  const reported = new Set<string>();
  for (const b of old) {
    const k = key(b);
    if (nowKeys.has(k) || reported.has(k)) continue;
    reported.add(k);
    reasons.push(`删除${label(b.rule)}记录 ${b.ref}（${signed(-oldByKey.get(k)!)}）`);
  }
  return reasons;
}

/** 2011年第2期: the bulletin comes out once a quarter. */
export function bulletinIssueLine(year: number, quarter: number): string {
  return `${year}年第${quarter}期`;
}

export function bulletinTitle(year: number, quarter: number): string {
  return `${year}年第${quarter}季度全区政府系统政务信息工作情况通报`;
}

/** 2011年第1季度工作通讯: the download's file name. */
export function bulletinFileName(year: number, quarter: number): string {
  return `${year}年第${quarter}季度工作通讯`;
}

/**
 * 总体情况: the quarter in a few sentences computed from the bulletin's own figures (so a frozen
 * bulletin says what its tables say), the district first, then each series.
 */
export function bulletinOverview(bulletin: Pick<BulletinDocument, 'outlets' | 'series'>): string[] {
  const rows = bulletin.series.flatMap((s) => s.rows);
  const total = (value: (row: BulletinRow) => number) => rows.reduce((sum, row) => sum + value(row), 0);
  const adopted = bulletin.outlets.map((o) => `${o.name}采用${total((r) => r.adopted[o.code] ?? 0)}篇`).join('，');
  const met = rows.filter((r) => r.met === true).length;
  const failed = rows.filter((r) => r.met === false).length;
  const district =
    `本季度，全区${rows.length}个报送单位共报送政务信息${total((r) => r.submitted)}篇，` +
    `${adopted}；获区领导批示${total((r) => r.instructions)}次，上报省、市被采用${total((r) => r.upward)}次。` +
    `有季度指标的单位中，${met}个完成本季度信息报送任务，${failed}个未完成。`;
  const perSeries = bulletin.series
    .filter((s) => s.rows.length > 0)
    .map((s) => {
      const points = s.rows.reduce((sum, row) => sum + row.points, 0);
      const top = s.rows.filter((r) => r.rank === 1 && r.points > 0).map((r) => r.unit);
      const leaders = top.length > 0 ? `，得分最高的是${top.join('、')}（${s.rows[0].points}分）` : '';
      const assessed =
        s.quarterlyTarget === null
          ? `（只考核年度指标）`
          : `，${s.rows.filter((r) => r.met === true).length}个达标，${s.rows.filter((r) => r.met === false).length}个未达标`;
      return `${s.name}${s.rows.length}个单位${assessed}，合计得分${points}分${leaders}。`;
    });
  return [district, ...perSeries];
}

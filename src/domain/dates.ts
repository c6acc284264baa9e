/**
 * Calendar dates as the policy uses them: `YYYY-MM-DD` strings in China Standard Time.
 * Strings compare correctly with `<`, so the rest of the system never builds Date objects.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (2011-02-30 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Calendar year of a date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Calendar quarter (1..4) of a date. */
export function quarterOf(date: IsoDate): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

/**
 * A quarter as one integer (`year * 4 + quarter - 1`), so quarters sort, subtract and
 * group as numbers: the quarter before Q1 2012 is Q4 2011.
 */
export function periodOf(date: IsoDate): number {
  return periodIndex(yearOf(date), quarterOf(date));
}

export function periodIndex(year: number, quarter: number): number {
  return year * 4 + quarter - 1;
}

/** The last day of a quarter. */
export function quarterEnd(year: number, quarter: number): IsoDate {
  const month = quarter * 3;
  return `${year}-${String(month).padStart(2, '0')}-${daysInMonth(year, month)}`;
}

/** The later of two dates. */
export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** Today's date in China Standard Time (UTC+8, no daylight saving). */
export function todayInChina(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The date `days` after (or, negative, before) a date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

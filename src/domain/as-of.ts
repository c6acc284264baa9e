import type { IsoDate } from './dates.js';

/**
 * The as-of rule (`--as-of`, 截至日期): which bookings count as of a day. Every booking dated on or
 * before the day counts, except that a missed-deadline deduction is booked on the deadline and
 * the deadline is only missed once its day is over, so it counts from the next day. Both the
 * domain (`countsAsOf`) and the SQL of the booking repository apply these bounds.
 */
export interface AsOfBounds {
  /** No booking dated after it counts. */
  lastDate: IsoDate;
  /** The rule whose bookings must be dated strictly before `deadlineRuleBefore`. */
  deadlineRule: string;
  deadlineRuleBefore: IsoDate;
}

/** The booking rule of a missed solicitation deadline (the domain's `computeSolicitationBookings`). */
export const MISSED_DEADLINE_RULE = 'solicitation_missed';

export function asOfBounds(asOf: IsoDate): AsOfBounds {
  return { lastDate: asOf, deadlineRule: MISSED_DEADLINE_RULE, deadlineRuleBefore: asOf };
}

/** Whether a booking counts as of a day: the same two conditions the repository's query applies. */
export function countsAsOf(booking: { date: IsoDate; rule: string }, asOf: IsoDate): boolean {
  const bounds = asOfBounds(asOf);
  return (
    booking.date <= bounds.lastDate &&
    (booking.rule !== bounds.deadlineRule || booking.date < bounds.deadlineRuleBefore)
  );
}

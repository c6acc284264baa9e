/** The record-date rule of @domain/record-date, for date pickers: what is recorded has happened, so a future day is disabled (the server refuses it too). */
import { todayInChina } from '@domain/dates';
import { recordDateProblem } from '@domain/record-date';
import type { Dayjs } from 'dayjs';

export const notInFuture = (day: Dayjs): boolean =>
  recordDateProblem(day.format('YYYY-MM-DD'), { today: todayInChina() }) === 'after_today';

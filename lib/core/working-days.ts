// Deadlines in working days (工作日). China moves days: a public holiday can turn a weekday into a
// day off, and a weekend day can become a make-up working day (调休). The calendar is data for
// the year, passed in; nothing here knows which days are holidays.
import { addDays, dayNumber, parseDate, weekday } from './calendar-date';

export type WorkCalendar = {
  /** Days off (YYYY-MM-DD) that would otherwise be weekdays. */
  holidays: readonly string[];
  /** Weekend days (YYYY-MM-DD) that are working days. */
  makeUpWorkdays: readonly string[];
};

// Far more than any statutory deadline (30, 45 days); a guard against a runaway loop on bad input.
const MAX_WORKING_DAYS = 1000;

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  parseDate(date);
  if (cal.makeUpWorkdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const d = weekday(date);
  return d !== 0 && d !== 6;
}

/**
 * The deadline: the n-th working day after the start date. The start day itself does not count
 * (as in the Civil Code's counting of periods), so a case accepted on Friday with 1 working day
 * is due on Monday. n = 0 gives the start date.
 */
export function addWorkingDays(start: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new Error(`n must be an integer 0–${MAX_WORKING_DAYS}, got ${n}`);
  }
  parseDate(start);
  let date = start;
  for (let left = n; left > 0; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date, cal)) left -= 1;
  }
  return date;
}

/** Working days in (a, b]: the inverse of addWorkingDays. Negative when b is before a. */
export function workingDaysBetween(a: string, b: string, cal: WorkCalendar): number {
  const [from, to] = [dayNumber(a), dayNumber(b)];
  if (to < from) return -workingDaysBetween(b, a, cal);
  let count = 0;
  for (let date = addDays(a, 1); date <= b; date = addDays(date, 1)) {
    if (isWorkingDay(date, cal)) count += 1;
  }
  return count;
}

/** Overdue once the deadline day has passed; on the deadline day itself the case is still in time. */
export function isOverdue(start: string, n: number, today: string, cal: WorkCalendar): boolean {
  parseDate(today);
  return today > addWorkingDays(start, n, cal);
}

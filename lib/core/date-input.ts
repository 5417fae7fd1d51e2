// A date a person types into a form: a real calendar date, in a range the record can mean.
// Without a range, 0001-01-01 or 9999-12-31 went through (a slip of the keyboard), and a year
// PostgreSQL cannot hold (0000) failed the request as 系统错误 instead of naming the field.
import { z } from 'zod';
import { addMonths, isIsoDate } from './calendar-date';
import { todayInChina } from './time';

/** Nothing this system records happened before 1900 (the oldest residents' birth dates come from their IDs). */
export const EARLIEST_DATE = '1900-01-01';
/** The far end for dates that may lie ahead (an income's end, a policy's start). */
export const LATEST_DATE = '2100-12-31';

/**
 * How late a date may be: `today` for what has happened (an asset recorded, a member who left),
 * `year_ahead` for what may be entered in advance but not absurdly (an income starting next
 * month), `far` for dates that may lie years ahead.
 */
export type Latest = 'today' | 'year_ahead' | 'far';

/** Why `date` cannot be right for this field, or null. `today` is China's calendar day. */
export function dateInputError(date: string, label: string, latest: Latest, today: string): string | null {
  // Before the calendar check: 0001-01-01 is "too early", not "not a date".
  if (/^\d{4}-\d{2}-\d{2}$/.test(date) && date < EARLIEST_DATE) return `${label}不能早于 1900 年 1 月 1 日`;
  if (!isIsoDate(date)) return `${label}应为有效日期，格式如 2024-03-15`;
  if (latest === 'today' && date > today) return `${label}不能晚于今天`;
  if (latest === 'year_ahead') {
    const limit = addMonths(today, 12);
    if (date > limit) return `${label}不能晚于一年以后（${limit}）`;
  }
  if (date > LATEST_DATE) return `${label}不能晚于 2100 年 12 月 31 日`;
  return null;
}

/** A required date field; "today" is read at each parse (a module-level schema outlives a day). */
export function dateInput(label: string, latest: Latest = 'far') {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .superRefine((value, ctx) => {
      if (value === '') return;
      const error = dateInputError(value, label, latest, todayInChina());
      if (error) ctx.addIssue({ code: 'custom', message: error });
    });
}

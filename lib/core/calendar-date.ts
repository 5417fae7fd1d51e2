// Calendar dates as 'YYYY-MM-DD' text in China time. Arithmetic runs on a day number built with
// Date.UTC from the string's parts, so the server's own time zone can never shift a day.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MS_PER_DAY = 86_400_000;

export type DateParts = { year: number; month: number; day: number };

export function parseDate(date: string): DateParts {
  const m = DATE.exec(date);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new Error(`date must be a real calendar date YYYY-MM-DD, got "${date}"`);
}

/** A real calendar date written YYYY-MM-DD (no 2月30日): for checking input, where parseDate would throw. */
export function isIsoDate(value: string): boolean {
  try {
    parseDate(value);
    return true;
  } catch {
    return false;
  }
}

export function parseMonth(month: string): { year: number; month: number } {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`month must be YYYY-MM, got "${month}"`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function monthText(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** Days since 1970-01-01 (a Thursday). */
export function dayNumber(date: string): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(n: number): string {
  const d = new Date(n * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole months later, the day clamped to the month's end: 08-31 + 6 months → 02-28 (or 29). */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new Error(`months must be an integer, got ${months}`);
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return `${monthText(y, m)}-${pad(Math.min(day, daysInMonth(y, m)))}`;
}

/** 'YYYY-MM' plus whole months: 2026-12 + 1 → 2027-01. */
export function addMonthsToMonth(month: string, months: number): string {
  const p = parseMonth(month);
  const index = p.year * 12 + (p.month - 1) + months;
  return monthText(Math.floor(index / 12), (index % 12) + 1);
}

// Calendar dates (YYYY-MM-DD) as typed into forms, compared as text in China's time zone.

const chinaDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });

/** Today in 吕梁, whatever the server's clock zone: a death recorded at 07:00 is not "tomorrow". */
export function chinaToday(now: Date = new Date()): string {
  return chinaDay.format(now);
}

/** A real calendar date written YYYY-MM-DD (no 2月30日). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// Time as the offices live it: China's calendar day, whatever the server's time zone.

// One formatter for the process: building an Intl.DateTimeFormat costs far more than using one
// (a 100,000-line import checks a date on every line).
const chinaDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });

/** Today in China, as YYYY-MM-DD, whatever the server's time zone. */
export function todayInChina(now: Date = new Date()): string {
  return chinaDay.format(now);
}

/** This month in China, as YYYY-MM. */
export function monthInChina(now: Date = new Date()): string {
  return todayInChina(now).slice(0, 7);
}

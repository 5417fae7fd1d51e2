// Time as the offices live it: China's calendar day, whatever the server's time zone.

/** Today in China, as YYYY-MM-DD, whatever the server's time zone. */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** This month in China, as YYYY-MM. */
export function monthInChina(now: Date = new Date()): string {
  return todayInChina(now).slice(0, 7);
}

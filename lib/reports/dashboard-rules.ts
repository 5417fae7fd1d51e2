// The start page's pure rules: how old the oldest waiting item is, how it is said, and how the
// charts' axes read (whole persons; money in 元 or 万元 as the figures need). No database.
import { dayNumber } from '../core/calendar-date';

/** Whole calendar days from `since` (YYYY-MM-DD) to `today`; null when nothing waits. Never negative. */
export function ageInDays(today: string, since: string | null | undefined): number | null {
  if (!since) return null;
  return Math.max(0, dayNumber(today) - dayNumber(since.slice(0, 10)));
}

/**
 * What the age of a task's oldest item says. `waiting`: since the step began (最久已等 N 天);
 * `due`: the earliest due date (最早已逾期 N 天, or 最早 YYYY-MM-DD 到期 when none is late yet).
 */
export function ageText(kind: 'waiting' | 'due', today: string, oldest: string | null): string | null {
  if (!oldest) return null;
  const date = oldest.slice(0, 10);
  if (kind === 'due') {
    const late = dayNumber(today) - dayNumber(date);
    return late > 0 ? `最早已逾期 ${late} 天` : `最早 ${date} 到期`;
  }
  const days = ageInDays(today, date)!;
  return days === 0 ? '最久的今天到达' : `最久已等 ${days} 天`;
}

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const wanFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A person axis's tick: whole persons only (a tick between two whole numbers is not drawn). */
export function personTick(v: number): string {
  return Number.isInteger(v) ? grouped.format(v) : '';
}

export interface MoneyAxis {
  unit: '元' | '万元';
  /** The tick's text for an amount in fen, in the unit above (no unit sign: the caption carries it). */
  tick: (fen: number) => string;
}

/**
 * The money axis for figures up to `maxFen`: 万元 once the largest reaches 10,000 yuan (a county's
 * month), 元 below it (a township's few households), so ticks never read 0.01 or 12,000,000.
 */
export function moneyAxis(maxFen: number): MoneyAxis {
  if (maxFen >= 1_000_000) return { unit: '万元', tick: (fen) => wanFormat.format(fen / 1_000_000) };
  return { unit: '元', tick: (fen) => grouped.format(Math.round(fen / 100)) };
}

/** The largest stacked value of a month: the sum of its series. */
export function maxStacked(rows: readonly Record<string, number>[]): number {
  let max = 0;
  for (const r of rows) max = Math.max(max, Object.values(r).reduce((s, v) => s + v, 0));
  return max;
}

// 动态管理: when an enrollment is next reviewed, and how long a gradual exit (渐退期) may run.
// Both lengths are policy data: yearly for stable households and for 特困 (the caller passes
// stable: true), half-yearly where income is unstable or members can work.
import { addMonths, addMonthsToMonth, parseMonth } from '@/lib/core/calendar-date';

export type ReviewPolicy = { stableMonths: number; unstableMonths: number };

/** From a date, whole months on, clamped to the month's end (08-31 + 6 months → 02-28/29). */
export function nextReviewDate(from: string, household: { stable: boolean }, policy: ReviewPolicy): string {
  const months = household.stable ? policy.stableMonths : policy.unstableMonths;
  if (!Number.isInteger(months) || months < 1) throw new Error(`review interval must be a positive number of months, got ${months}`);
  return addMonths(from, months);
}

export type GradualExit =
  | { ok: true; endMonth: string }
  | { ok: false; code: 'gradual_exit_too_long'; message: string };

/**
 * The last month paid in a gradual exit that starts in `startMonth` and runs `months` months
 * (2026-12 for 6 → 2027-05). Longer than the policy maximum is refused, not shortened silently.
 */
export function gradualExitEnd(startMonth: string, months: number, maxMonths: number): GradualExit {
  parseMonth(startMonth);
  if (!Number.isInteger(months) || months < 1) throw new Error(`months must be a positive integer, got ${months}`);
  if (months > maxMonths) {
    return { ok: false, code: 'gradual_exit_too_long', message: `渐退期最长 ${maxMonths} 个月，不能设为 ${months} 个月` };
  }
  return { ok: true, endMonth: addMonthsToMonth(startMonth, months - 1) };
}

import { describe, expect, it } from 'vitest';
import { gradualExitEnd, nextReviewDate } from '@/lib/programs/review';

const policy = { stableMonths: 12, unstableMonths: 6 };

describe('nextReviewDate', () => {
  it('yearly for a stable household (and 特困), half-yearly otherwise', () => {
    expect(nextReviewDate('2026-12-01', { stable: true }, policy)).toBe('2027-12-01');
    expect(nextReviewDate('2026-12-01', { stable: false }, policy)).toBe('2027-06-01');
  });

  it('clamps to the end of a shorter month', () => {
    expect(nextReviewDate('2026-08-31', { stable: false }, policy)).toBe('2027-02-28');
    expect(nextReviewDate('2027-08-31', { stable: false }, policy)).toBe('2028-02-29'); // leap year
    expect(nextReviewDate('2028-02-29', { stable: true }, policy)).toBe('2029-02-28');
    expect(nextReviewDate('2026-03-31', { stable: false }, { stableMonths: 12, unstableMonths: 3 })).toBe('2026-06-30');
  });

  it('the intervals are policy data', () => {
    expect(nextReviewDate('2026-01-15', { stable: true }, { stableMonths: 24, unstableMonths: 6 })).toBe('2028-01-15');
    expect(() => nextReviewDate('2026-01-15', { stable: true }, { stableMonths: 0, unstableMonths: 6 })).toThrow();
  });
});

describe('gradualExitEnd (渐退期)', () => {
  it('runs whole months from the start month, across a year end', () => {
    expect(gradualExitEnd('2026-12', 6, 6)).toEqual({ ok: true, endMonth: '2027-05' });
    expect(gradualExitEnd('2026-03', 1, 6)).toEqual({ ok: true, endMonth: '2026-03' });
  });

  it('refuses more than the policy maximum', () => {
    expect(gradualExitEnd('2026-12', 7, 6)).toEqual({
      ok: false,
      code: 'gradual_exit_too_long',
      message: '渐退期最长 6 个月，不能设为 7 个月',
    });
  });

  it('refuses a malformed month', () => {
    expect(() => gradualExitEnd('2026-13', 3, 6)).toThrow(/YYYY-MM/);
  });
});
